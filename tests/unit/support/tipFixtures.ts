/** The smallest tip the schema accepts: anonymous, about a polluted river in Horqin. */
export const anonymousTip = {
  category: 'ecology',
  description: '河道里有大量工业废水直接排放，已经持续一个月了。',
  place: '东侧河道',
  region: 'horqin',
  identity: 'anonymous',
  consent: 'yes',
};

/** A form post to the tip service, as a browser without JavaScript sends it. */
export function tipFormRequest(fields: Record<string, string>, files: File[] = [], lang = 'zh'): Request {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  for (const file of files) data.append('files', file);
  return new Request(`https://tips.example/api/tips?lang=${lang}`, { method: 'POST', body: data });
}
