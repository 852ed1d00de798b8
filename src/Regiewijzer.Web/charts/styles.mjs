// Writes the one style sheet every page loads, wwwroot/lib/stijl/regiewijzer.css (issue 19: one render-blocking file
// instead of six, without the component styles no page uses). In this order: the NL Design System tokens
// (@rijkshuisstijl-community/design-tokens, whole), its component styles (@rijkshuisstijl-community/components-css)
// with only the rules whose selectors use class names that occur in the app's sources, then wwwroot/css/site.css,
// region.css, progress.css and whatif.css (whole); minified by esbuild. The edit and import pages add their own sheets.
// A rule is kept when one of its selectors uses only class names found as words in src/**/*.razor, *.cs, *.js (the
// app's literal class names; a class name put together from pieces at run time would not be found: write it whole).
// Rules without a class (elements, :root) and @font-face, @keyframes and @property are kept; @media, @supports, @layer
// and @container are filtered inside. Run by the build (Regiewijzer.Web.csproj, target NpmStyles); the output is not
// committed. Usage: node charts/styles.mjs [--report]
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { transform } from 'esbuild';

const here = (p) => new URL(p, import.meta.url).pathname;
const web = here('../');
const target = here('../wwwroot/lib/stijl/regiewijzer.css');
const tokens = readFileSync(here('../node_modules/@rijkshuisstijl-community/design-tokens/dist/index.css'), 'utf8');
const components = readFileSync(here('../node_modules/@rijkshuisstijl-community/components-css/dist/index.css'), 'utf8');
const own = ['site.css', 'region.css', 'progress.css', 'whatif.css'].map((f) => readFileSync(join(web, 'wwwroot/css', f), 'utf8'));

// Every word in the app's sources (src/, without build output, packages and the copied libraries).
const words = new Set();
function scan(folder) {
  for (const name of readdirSync(folder)) {
    if (['bin', 'obj', 'node_modules', 'lib'].includes(name)) continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) scan(path);
    else if (/\.(razor|cs|js|cshtml|html)$/.test(name)) {
      for (const w of readFileSync(path, 'utf8').match(/[A-Za-z0-9_-]+/g) ?? []) words.add(w);
    }
  }
}
scan(here('../../'));

// Top-level blocks of minified or formatted CSS: [prelude, body] pairs, or [at-statement, null] (e.g. @import ...;).
function blocks(css) {
  const out = [];
  let i = 0;
  while (i < css.length) {
    while (i < css.length && /\s/.test(css[i])) i++;
    if (i >= css.length) break;
    if (css.startsWith('/*', i)) { i = css.indexOf('*/', i + 2) + 2; continue; }
    const start = i;
    let quote = null;
    while (i < css.length && (quote || (css[i] !== '{' && css[i] !== ';'))) {
      if (quote) { if (css[i] === '\\') i++; else if (css[i] === quote) quote = null; }
      else if (css[i] === '"' || css[i] === "'") quote = css[i];
      i++;
    }
    const prelude = css.slice(start, i).trim();
    if (css[i] === ';') { out.push([prelude, null]); i++; continue; }
    let depth = 1;
    const bodyStart = ++i;
    quote = null;
    while (i < css.length && depth > 0) {
      const c = css[i];
      if (quote) { if (c === '\\') i++; else if (c === quote) quote = null; }
      else if (c === '"' || c === "'") quote = c;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      i++;
    }
    out.push([prelude, css.slice(bodyStart, i - 1)]);
  }
  return out;
}

// A selector list is used when one selector's class names all occur in the sources (or it has none). Classes inside
// parentheses (:not(.x), :is(...), :has(...)) are not required: .a:not(.b) applies to .a whether or not .b is used.
function used(selectors) {
  return splitSelectors(selectors).some((s) => {
    let outer = s.replace(/\[[^\]]*\]/g, '');
    while (/\([^()]*\)/.test(outer)) outer = outer.replace(/\([^()]*\)/g, '');
    const classes = (outer.match(/\.-?[A-Za-z_][A-Za-z0-9_-]*/g) ?? []).map((c) => c.slice(1));
    return classes.every((c) => words.has(c));
  });
}

function splitSelectors(list) {
  const out = [];
  let depth = 0, start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '(') depth++;
    else if (list[i] === ')') depth--;
    else if (list[i] === ',' && depth === 0) { out.push(list.slice(start, i)); start = i + 1; }
  }
  out.push(list.slice(start));
  return out;
}

let kept = 0, dropped = 0;
function purge(css) {
  let out = '';
  for (const [prelude, body] of blocks(css)) {
    if (body === null) { out += prelude + ';'; continue; }
    if (/^@(media|supports|layer|container)\b/.test(prelude)) {
      const inner = purge(body);
      if (inner.trim()) out += `${prelude}{${inner}}`;
      continue;
    }
    if (prelude.startsWith('@') || used(prelude)) { out += `${prelude}{${body}}`; kept++; }
    else dropped++;
  }
  return out;
}

const purged = purge(components);
const { code } = await transform([tokens, purged, ...own].join('\n'), { loader: 'css', minify: true, logLevel: 'warning' });
mkdirSync(dirname(target), { recursive: true });
// Rewritten only when it changed: the build runs this after any page source changed, and a new timestamp would make
// the static-asset pipeline compress and fingerprint the same file again.
let old = null;
try { old = readFileSync(target, 'utf8'); } catch { /* first build */ }
if (old !== code) writeFileSync(target, code);
if (process.argv.includes('--report')) {
  console.log(`components: ${kept} rules kept, ${dropped} dropped; ${components.length} -> ${purged.length} bytes; sheet ${code.length} bytes`);
}
