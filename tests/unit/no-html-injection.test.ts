import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every name, figure, note, source and URL value reaches the page as text. These APIs parse a string as HTML,
 * so one of them anywhere in src/ would let data or a crafted link inject markup (and defeat the CSP's intent).
 */
const HTML_SINKS = /\b(dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|setHTML(Unsafe)?|createContextualFragment|parseHTMLUnsafe|document\.write(ln)?|srcdoc)\b/;

const ROOT = join(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs|jsx|html)$/.test(entry.name) ? [path] : [];
  });
}

/** `file:line: text` for each line of `text` that uses an HTML sink. */
function findSinks(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => (HTML_SINKS.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

describe('no HTML injection', () => {
  it('the scanner catches each sink', () => {
    for (const line of ['<p dangerouslySetInnerHTML={{ __html: x }} />', 'el.innerHTML = x', 'el.insertAdjacentHTML("beforeend", x)', 'el.setHTML(x)', 'document.write(x)']) {
      expect(findSinks('x.ts', line)).toHaveLength(1);
    }
    expect(findSinks('x.ts', 'el.textContent = x')).toEqual([]);
  });

  it('src/ renders text only: no innerHTML, dangerouslySetInnerHTML, setHTML or the like', () => {
    const files = sourceFiles(ROOT);
    expect(files.length).toBeGreaterThan(20);
    const hits = files.flatMap((file) => findSinks(relative(ROOT, file), readFileSync(file, 'utf8')));
    expect(hits).toEqual([]);
  });
});
