/**
 * Writes canonical-path.ts into the built index.html as the head's first script, and its hash into the page's
 * Content-Security-Policy (`script-src 'self' 'sha256-…'`): the one inline script the policy allows. Build only, as
 * the dev server drops the policy (vite.config.ts).
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { build } from 'rolldown';

const ENTRY = fileURLToPath(new URL('./canonical-path.ts', import.meta.url));
const POLICY = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self')([^"]*"[^>]*>(?:\s*<!--.*?-->)?)/;

/** The CSP source that allows exactly `script` as an inline script's text. */
function scriptHashSource(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/**
 * The script on its own, link-path.ts included: bundled apart from the app (Vite's own bundler, rolldown), since in
 * the app's build the module it shares with the store would become a chunk of its own that a script must import.
 */
async function standaloneScript(): Promise<string> {
  const { output } = await build({ input: ENTRY, write: false, output: { format: 'iife', minify: true } });
  if (output.length !== 1 || output[0].type !== 'chunk') throw new Error('canonical path: expected one chunk');
  return output[0].code.trim();
}

export function canonicalPathPlugin(): Plugin {
  return {
    name: 'canonical-path',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!POLICY.test(html)) throw new Error("canonical path: index.html has no Content-Security-Policy with script-src 'self'");
        // Inline only: a file of its own would be fetched from the odd path it is there to fix.
        const script = await standaloneScript();
        // `</script` inside would end the element early; the minifier never writes it, so refuse rather than escape.
        if (/<\/script/i.test(script)) throw new Error('canonical path: the script contains </script');
        return html.replace(POLICY, (_all, head: string, tail: string) => `${head} ${scriptHashSource(script)}${tail}\n    <script>${script}</script>`);
      },
    },
  };
}
