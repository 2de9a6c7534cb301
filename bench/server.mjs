// Serves the built site and functions for a benchmark, as `npm start` does, and stops it after.
import { spawn } from 'node:child_process';

export async function startSiteServer(port) {
  const server = spawn(
    'npx',
    ['wrangler', 'pages', 'dev', 'dist', '--port', String(port), '--inspector-port', String(port + 1000), '--ip', '127.0.0.1', '--show-interactive-dev-session=false'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/zh/`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    origin,
    stop: () => {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    },
  };
}
