// An imported TOML fragment into the deployment text: appended, or in place of the `[[clients]]`
// table with the same id (importing a machine again updates its profile instead of duplicating it).
// Line-based on purpose: the rest of the text, comments included, stays as the person wrote it.

/** A table header line: `[name]` or `[[name]]`, maybe with a comment. */
const HEADER = /^\s*\[\[?\s*[A-Za-z0-9_.\-"' ]+\s*\]\]?\s*(#.*)?$/;
const CLIENTS = /^\s*\[\[\s*clients\s*\]\]\s*(#.*)?$/;
const BASIC_ID = /^\s*id\s*=\s*"((?:[^"\\]|\\.)*)"\s*(#.*)?$/;
const LITERAL_ID = /^\s*id\s*=\s*'([^']*)'\s*(#.*)?$/;

/** The id a line `id = "..."` sets, or null. */
function idOf(line) {
  const literal = LITERAL_ID.exec(line);
  if (literal) return literal[1];
  const basic = BASIC_ID.exec(line);
  if (!basic) return null;
  try {
    // TOML's basic-string escapes are JSON's, but for \e and \UXXXXXXXX, which ids never need.
    return JSON.parse(`"${basic[1]}"`);
  } catch {
    return basic[1];
  }
}

/** Whether a line carries nothing (blank, or only a comment). */
const empty = (line) => /^\s*(#.*)?$/.test(line);

/**
 * `text` with `fragment` added: replacing the `[[clients]]` table whose id is `clientId` (when
 * given and present), else at the end. Says which: { text, replaced }.
 */
export function mergeFragment(text, fragment, clientId) {
  const lines = text.split('\n');
  const added = fragment.trimEnd().split('\n');
  for (let start = 0; clientId && start < lines.length; start += 1) {
    if (!CLIENTS.test(lines[start])) continue;
    let end = start + 1;
    while (end < lines.length && !HEADER.test(lines[end])) end += 1;
    const next = end;
    // Blank lines and comments before the next header introduce what follows: keep them.
    while (end > start + 1 && empty(lines[end - 1])) end -= 1;
    if (lines.slice(start + 1, end).some((line) => idOf(line) === clientId)) {
      lines.splice(start, end - start, ...added);
      return { text: lines.join('\n'), replaced: true };
    }
    start = next - 1;
  }
  const before = text.trimEnd();
  return { text: before ? `${before}\n\n${added.join('\n')}\n` : `${added.join('\n')}\n`, replaced: false };
}
