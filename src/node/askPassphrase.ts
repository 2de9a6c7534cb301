// Asks for a passphrase on the terminal without echoing it (twice when `confirm`).
import { createInterface } from 'node:readline';

function askOnce(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('No terminal to ask for the passphrase on: set TIP_KEY_PASSPHRASE instead.');
  return new Promise((resolve) => {
    const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Print the prompt, then nothing of what is typed.
    (terminal as unknown as { _writeToOutput(text: string): void })._writeToOutput = (text) => {
      if (text.includes(prompt)) process.stdout.write(prompt);
    };
    terminal.question(prompt, (answer) => {
      terminal.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

export async function askPassphrase(prompt: string, confirm = false): Promise<string> {
  const first = await askOnce(prompt);
  if (confirm && (await askOnce('The same passphrase again: ')) !== first) throw new Error('The two passphrases differ; nothing was written.');
  return first;
}
