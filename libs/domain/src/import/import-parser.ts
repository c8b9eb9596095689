/**
 * Finds the recommendations in a document's plain or markdown text. Pure: no I/O, no dependencies.
 *
 * Shapes, per the product contract:
 *  1. a bulleted or numbered item led by bold text: the bold lead is the title;
 *  2. an item or paragraph opening with a `Recommendation [n]:` label: the title is its first sentence;
 *  3. only when a document has neither, the items under a heading naming Recommendation(s), up to the
 *     next heading: the title is each item's first sentence.
 * Items under Endnotes/Notes/References/Sources headings never count. A recommendation runs to the next
 * item or heading, blank lines included; its text after the title is the description.
 */
import { badInput } from '../errors';

export interface ParsedRecommendation {
  title: string;
  description: string;
}

export interface ParseResult {
  recommendations: ParsedRecommendation[];
  warnings: string[];
}

export const MAX_IMPORT_TEXT_BYTES = 1024 * 1024;
export const MAX_TITLE_LENGTH = 300;

/**
 * Validates text handed to an import and returns its parse, so callers need not parse twice.
 * Throws BAD_USER_INPUT on `field` when the text is over 1 MiB (UTF-8) or holds no recommendations.
 */
export function assertImportText(text: string, field = 'text'): ParseResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_TEXT_BYTES) {
    throw badInput(field, `must be at most ${MAX_IMPORT_TEXT_BYTES} bytes (1 MiB) of UTF-8 text`);
  }
  const result = parseRecommendations(text);
  if (result.recommendations.length === 0) {
    throw badInput(field, 'no recommendations were found in the text');
  }
  return result;
}

export function parseRecommendations(text: string): ParseResult {
  const blocks = toBlocks(text);
  // Shapes 1 and 2 win outright; shape 3 is only a fallback for documents with neither.
  let regions = findLabelledRegions(blocks);
  if (regions.length === 0) regions = findSectionRegions(blocks);

  const recommendations: ParsedRecommendation[] = [];
  const warnings: string[] = [];
  for (const region of regions) {
    const built = buildRecommendation(region);
    if (!built.title) {
      warnings.push(`Line ${region.first.line}: skipped a recommendation with an empty title`);
      continue;
    }
    const number = recommendations.length + 1;
    const title = truncateTitle(built.title);
    if (title !== built.title) {
      warnings.push(
        `Recommendation ${number}: title was longer than ${MAX_TITLE_LENGTH} characters and was cut (line ${region.first.line})`,
      );
    }
    recommendations.push({ title, description: built.description });
  }
  return { recommendations, warnings };
}

// ---------------------------------------------------------------------------------------------------
// Blocks: the document as headings, list items and paragraphs.

type BlockKind = 'heading' | 'item' | 'label' | 'paragraph';

interface Block {
  kind: BlockKind;
  /** 1-based line the block starts on, for warnings. */
  line: number;
  /** Text lines; for an item the first line has its marker removed. */
  lines: string[];
  /** Lines as written (marker and indentation kept), for items carried along inside a description. */
  raw: string[];
  /** Column of an item's marker; paragraphs count as -1 so any item is deeper than them. */
  indent: number;
  /** Whether a blank line precedes the block: decides `\n` vs a paragraph break in descriptions. */
  blankBefore: boolean;
}

const ATX_HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
// Thematic breaks and setext underlines separate blocks like a blank line; they are not headings.
const RULE_LINE = /^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$/;
// `-`/`*` need a following space so `**bold**` and `-5` are not bullets; 1-3 digits so years are not items.
const ITEM_MARKER = /^([ \t]*)(?:[-*][ \t]+|•[ \t]*|\d{1,3}[.)][ \t]+)/;
const MAX_PLAIN_HEADING_LENGTH = 100;

function toBlocks(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const blocks: Block[] = [];
  let current: Block | null = null;
  let blank = true;

  const open = (block: Omit<Block, 'blankBefore'>): Block => {
    const full: Block = { ...block, blankBefore: blank };
    blocks.push(full);
    blank = false;
    return full;
  };

  for (const [index, line] of lines.entries()) {
    const lineNo = index + 1;
    if (!line.trim() || RULE_LINE.test(line)) {
      current = null;
      blank = true;
      continue;
    }
    if (ATX_HEADING.test(line)) {
      const heading = line
        .trim()
        .replace(/^#+\s*/, '')
        .replace(/\s+#+$/, '');
      open({ kind: 'heading', line: lineNo, lines: [heading], raw: [line], indent: 0 });
      current = null;
      continue;
    }
    const marker = ITEM_MARKER.exec(line);
    if (marker) {
      const rest = line.slice(marker[0].length);
      current = open({ kind: 'item', line: lineNo, lines: [rest], raw: [line], indent: indentWidth(marker[1]) });
    } else if (current) {
      // Lazy continuation: a line right under an item or paragraph line belongs to it.
      current.lines.push(line);
      current.raw.push(line);
    } else {
      current = open({ kind: 'paragraph', line: lineNo, lines: [line], raw: [line], indent: -1 });
    }
  }

  for (const block of blocks) {
    if (block.kind === 'paragraph') block.kind = classifyParagraph(block.lines);
  }
  return blocks;
}

function indentWidth(whitespace: string): number {
  return whitespace.replace(/\t/g, '    ').length;
}

function classifyParagraph(lines: string[]): BlockKind {
  const text = lines.join('\n').trim();
  if (RECOMMENDATION_LABEL.test(text)) return 'label';
  return lines.length === 1 && isPlainHeading(text) ? 'heading' : 'paragraph';
}

/** A line of its own under 100 characters that does not end in a period (nor is a page number). */
function isPlainHeading(line: string): boolean {
  if (line.length >= MAX_PLAIN_HEADING_LENGTH || !/\p{L}/u.test(line)) return false;
  // Look past closing emphasis, quotes, brackets and footnote markers: `defense.”³` still ends a sentence.
  const ending = line.replace(/[\s*_"'”’)\]»¹²³⁴⁵⁶⁷⁸⁹⁰]+$/u, '');
  return !ending.endsWith('.');
}

// ---------------------------------------------------------------------------------------------------
// Regions: which blocks make up each recommendation.

type Shape = 'bold' | 'label' | 'sentence';

interface Region {
  shape: Shape;
  first: Block;
  rest: Block[];
}

// `Recommendation`, an optional number (`3`, `No. 3`, `#3`, `3.1`, `3a`), then `:`, `.` or a dash, all
// possibly wrapped in emphasis (`**Recommendation 1:**`). The separator must be followed by a space so
// prose such as `Recommendation-based` does not match.
const RECOMMENDATION_LABEL =
  /^(?<em>\*\*|__|\*|_)?\s*recommendation(?:\s+(?:no\.?\s*|#\s*)?\d+(?:\.\d+)*[a-z]?)?\s*\k<em>?\s*[:.\-–—]\s*\k<em>?(?=\s|$)/i;
// Longest marker first so `***x***` yields `x`, not `*x`.
const BOLD_LEAD = /^\s*(\*\*\*|___|\*\*|__)(?=\S)([\s\S]*?\S)\1/;

const NOTES_HEADING_WORDS = new Set([
  'endnote',
  'endnotes',
  'end notes',
  'footnote',
  'footnotes',
  'note',
  'notes',
  'reference',
  'references',
  'source',
  'sources',
  'bibliography',
  'works cited',
  'citations',
  'literature cited',
]);

/** `Endnotes`, `Notes and References`, `## Sources:` … */
function isNotesHeading(heading: string): boolean {
  const text = stripEmphasis(heading)
    .toLowerCase()
    .replace(/^(?:[\divxlc]+[.)]\s+)/, '')
    .replace(/[\s:.]+$/, '')
    .trim();
  const parts = text.split(/\s*(?:,|&|\/|\band\b)\s*/).filter(Boolean);
  return parts.length > 0 && parts.every((part) => NOTES_HEADING_WORDS.has(part.replace(/\s+/g, ' ')));
}

function isRecommendationsHeading(heading: string): boolean {
  return /\brecommendations?\b/i.test(heading);
}

function itemText(block: Block): string {
  return block.lines.join('\n').trim();
}

/** Shapes 1 and 2, in document order. */
function findLabelledRegions(blocks: Block[]): Region[] {
  const regions: Region[] = [];
  let current: Region | null = null;
  let inNotes = false;

  for (const block of blocks) {
    if (block.kind === 'heading') {
      current = null;
      inNotes = isNotesHeading(block.lines[0]);
      continue;
    }
    if (inNotes) continue;
    let shape: Shape | null = null;
    if (block.kind === 'label') shape = 'label';
    else if (block.kind === 'item' && RECOMMENDATION_LABEL.test(itemText(block))) shape = 'label';
    else if (block.kind === 'item' && BOLD_LEAD.test(itemText(block))) shape = 'bold';

    if (shape) {
      current = { shape, first: block, rest: [] };
      regions.push(current);
    } else if (block.kind === 'item') {
      current = continueWithItem(current, block);
    } else if (current) {
      current.rest.push(block);
    }
  }
  return regions;
}

/** Shape 3: items under a Recommendation(s) heading, each up to the next item or heading. */
function findSectionRegions(blocks: Block[]): Region[] {
  const regions: Region[] = [];
  let current: Region | null = null;
  let inSection = false;

  for (const block of blocks) {
    if (block.kind === 'heading') {
      current = null;
      // Any heading ends a section, so items under a later Endnotes heading never fall inside one.
      inSection = isRecommendationsHeading(block.lines[0]);
      continue;
    }
    if (block.kind === 'item') {
      if (!inSection) {
        current = null;
        continue;
      }
      const continued = continueWithItem(current, block);
      if (!continued) {
        current = { shape: 'sentence', first: block, rest: [] };
        regions.push(current);
      } else {
        current = continued;
      }
    } else if (current) {
      current.rest.push(block);
    }
  }
  return regions;
}

/**
 * A plain item nested deeper than the one a recommendation opened with (or any item after a
 * `Recommendation:` paragraph) is part of it; any other item ends it.
 */
function continueWithItem(current: Region | null, item: Block): Region | null {
  if (current && item.indent > current.first.indent) {
    current.rest.push(item);
    return current;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Building titles and descriptions.

function buildRecommendation(region: Region): ParsedRecommendation {
  let opening = itemText(region.first);
  if (region.shape === 'label') opening = opening.replace(RECOMMENDATION_LABEL, '');

  let body = opening;
  for (const block of region.rest) {
    body += (block.blankBefore ? '\n\n' : '\n') + (block.kind === 'item' ? block.raw : block.lines).join('\n');
  }
  const paragraphs = body.split(/\n\s*\n/);

  if (region.shape === 'bold') {
    const match = BOLD_LEAD.exec(paragraphs[0]);
    if (!match) return { title: '', description: '' };
    // The lead's own punctuation (`**Title**:` / `**Title** —`) is not description.
    const remainder = paragraphs[0].slice(match[0].length).replace(/^\s*[.:;,–—-]*\s*/, '');
    return {
      title: cleanTitle(match[2]),
      description: joinParagraphs([cleanParagraph(remainder), ...paragraphs.slice(1).map(cleanParagraph)]),
    };
  }

  // A `Recommendation 1:` line may stand alone, its sentence in the paragraph after it.
  const cleaned = paragraphs.map(cleanParagraph);
  const index = cleaned.findIndex((paragraph) => paragraph !== '');
  if (index < 0) return { title: '', description: '' };
  const [sentence, remainder] = splitFirstSentence(cleaned[index]);
  return {
    title: cleanTitle(sentence, false),
    description: joinParagraphs([remainder, ...cleaned.slice(index + 1)]),
  };
}

function joinParagraphs(paragraphs: string[]): string {
  return paragraphs
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Single-line, emphasis-free, without a lone trailing period or colon; `U.S.` and `?`/`!` are kept. */
function cleanTitle(text: string, stripMarkdown = true): string {
  let title = (stripMarkdown ? cleanParagraph(text) : text).replace(/\s+/g, ' ').trim();
  title = title.replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+$/u, '').trim();
  if (title.endsWith(':')) title = title.slice(0, -1).trimEnd();
  if (title.endsWith('.') && !title.endsWith('..') && !/(?:^|\s)(?:\p{L}\.){2,}$/u.test(title)) {
    title = title.slice(0, -1).trimEnd();
  }
  return title;
}

/** Cuts at a word so that the title plus its closing `…` fits within MAX_TITLE_LENGTH. */
function truncateTitle(title: string): string {
  if (title.length <= MAX_TITLE_LENGTH) return title;
  const room = MAX_TITLE_LENGTH - 1;
  const head = title.slice(0, room + 1);
  const lastSpace = head.search(/\s\S*$/);
  let cut = lastSpace > 0 ? title.slice(0, lastSpace) : title.slice(0, room);
  // Never leave half a surrogate pair behind a hard cut.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/[\s,;:–—-]+$/, '');
  return `${cut}…`;
}

// ---------------------------------------------------------------------------------------------------
// Markdown clean-up.

// Backslash escapes are parked in the private-use area while emphasis is stripped, then restored
// as the literal characters, so `\*` survives as `*` and `\$20` reads `$20`.
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const PARKED = /[\uE021-\uE07E]/g;
const PARK_OFFSET = 0xe000;

/** One paragraph: emphasis removed, lines trimmed. */
function cleanParagraph(paragraph: string): string {
  const parked = paragraph.replace(ESCAPED, (_, char: string) => String.fromCharCode(PARK_OFFSET + char.charCodeAt(0)));
  return stripEmphasis(parked)
    .replace(PARKED, (char) => String.fromCharCode(char.charCodeAt(0) - PARK_OFFSET))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

function stripEmphasis(text: string): string {
  return (
    text
      // `**x**` may sit inside a word in markdown; `__x__` and `_x_` only at word edges, so snake_case
      // names and URLs keep their underscores.
      .replace(/(\*\*\*|\*\*)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(?<![\p{L}\p{N}_\\])(___|__)(?=\S)([\s\S]*?\S)\1(?![\p{L}\p{N}_])/gu, '$2')
      .replace(/(?<![*\\])\*(?=[^\s*])([^*]*?[^\s*])\*(?!\*)/g, '$1')
      .replace(/(?<![\p{L}\p{N}_\\])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1')
      // An unpaired `**` left by a bold span broken across paragraphs is markup, never content.
      .replace(/\*{2,}/g, '')
  );
}

// ---------------------------------------------------------------------------------------------------
// Sentences.

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'no',
  'nos',
  'vol',
  'vols',
  'vs',
  'v',
  'cf',
  'al',
  'fig',
  'figs',
  'p',
  'pp',
  'sec',
  'art',
  'para',
  'approx',
  'dept',
  'gen',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);
// Characters that may follow a sentence's final `.`, `?` or `!` and still belong to the sentence.
const SENTENCE_CLOSERS = /["'”’)\]»¹²³⁴⁵⁶⁷⁸⁹⁰]/u;
const TOKEN_START = /[\s("“‘[]/u;

/** Splits off the first sentence, not at `U.S.`, `e.g.`, `Mr.`, initials such as `B.` and the like. */
function splitFirstSentence(text: string): [string, string] {
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char !== '.' && char !== '?' && char !== '!') continue;
    let end = i + 1;
    while (end < text.length && SENTENCE_CLOSERS.test(text[end])) end++;
    if (end < text.length && !/\s/.test(text[end])) continue;
    if (char === '.' && isAbbreviation(text, i)) continue;
    // A lower-case word next means the sentence goes on (`approx. five`, `etc. and`).
    const next = /\S/.exec(text.slice(end));
    if (next && /\p{Ll}/u.test(next[0])) continue;
    return [text.slice(0, end), text.slice(end)];
  }
  return [text, ''];
}

function isAbbreviation(text: string, periodIndex: number): boolean {
  let start = periodIndex;
  while (start > 0 && !TOKEN_START.test(text[start - 1])) start--;
  const token = text.slice(start, periodIndex);
  if (!token) return false;
  return (
    /^(?:\p{L}\.)+\p{L}$/u.test(token) || // U.S., e.g., i.e., U.S.A.
    /^\p{Lu}$/u.test(token) || // initials: Anthony B. Kim
    ABBREVIATIONS.has(token.toLowerCase())
  );
}
