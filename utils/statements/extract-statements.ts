// Finds statements in an article: quotations with their speaker, reported speech, and whether each is a denial.
import type { Sentence, Statement } from '../analysis/types';
import { entityKey, findEntities } from '../entities/entities';

const SPEECH_VERBS =
  'said|says|say|told|tells|added|adds|stated|asked|warned|warns|insisted|declared|wrote|tweeted|explained|noted|stressed|replied|argued|continued|concluded|announced|claimed|claims|reiterated|confirmed|acknowledged|admitted|predicted|assured|urged|emphasised|emphasized|underscored|described';
const REPORTED_VERBS =
  'said|says|told|added|announced|warned|claimed|insisted|stressed|argued|noted|denied|denies|deny|reiterated|confirmed|acknowledged|admitted|predicted|assured|rejected|rejects|accused|accuses|ruled out|rules out|' +
  // A readout's reported speech: "The Secretary was clear that …", "made clear that …", "urged …", "vowed to …".
  'was clear|were clear|made it clear|made clear|makes clear|urged|urges|vowed|vows|pledged|pledges|promised|emphasi[sz]ed|underscored|affirmed|reaffirmed|conveyed|called on|called for|expressed';
const DENIAL_VERBS = /^(denied|denies|deny|rejected|rejects|refused|refuses|ruled out|rules out)$/i;
const NEGATION = /\b(no|not|never|none|nothing|nobody|neither|nor|without|denie[sd]|deny|refus\w*|reject\w*)\b|n[’']t\b/i;
const PRONOUNS = /^(he|she|they|i|we)$/i;
const SUBJECT_BREAKS = new Set([
  'on', 'in', 'at', 'and', 'but', 'that', 'which', 'who', 'when', 'after', 'before', 'as', 'while', 'with', 'to', 'of',
  'for', 'by', 'from', 'than', 'if', 'because', 'also', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'however',
  'meanwhile', 'then', 'later', 'yesterday', 'today', 'separately', 'speaking', 'reporters', 'earlier',
]);

const PAIRS: Record<string, string> = { '“': '”', '«': '»', '"': '"', '„': '“' };

interface Speaker {
  text: string;
  key: string | null;
}

/**
 * Statements of the article: quotations (“…”, «…», "…") of four words or more with the speaker the text names
 * (after the quote: "…,” Blinken said / said Ushakov; or before it: Lavrov told reporters: “…”), and reported
 * speech ("Lavrov said that …", "the White House said …"). A pronoun speaker takes the key of the last named one.
 */
export function extractStatements(text: string, sentences: Sentence[]): Statement[] {
  const statements: Statement[] = [];
  const quoteSpans: { start: number; end: number }[] = [];
  const sentenceAt = (offset: number): Sentence | undefined =>
    sentences.find((s) => offset >= s.start && offset < s.end) ?? sentences.find((s) => s.start >= offset);

  // Quotations, scanned line by line: a quote never crosses a line break in article text.
  const lineRe = /[^\n]+/g;
  for (let line = lineRe.exec(text); line; line = lineRe.exec(text)) {
    const base = line.index;
    const l = line[0];
    let prevSpeaker: Speaker | null = null;
    let prevEnd = -10;
    /** Records the quotation between the marks at `i` (-1: the line start) and `j` (the line end when unclosed). */
    const emit = (i: number, j: number): void => {
      const innerRaw = l.slice(i + 1, j);
      // Closing punctuation inside the marks ("…,” he said) is not part of the words.
      const inner = innerRaw.trim().replace(/[\s,.;:]+$/u, '');
      const lead = innerRaw.length - innerRaw.trimStart().length;
      const start = base + i + 1 + lead;
      const end = start + inner.length;
      quoteSpans.push({ start: base + Math.max(0, i), end: base + Math.min(l.length, j + 1) });
      const words = inner.split(/\s+/).filter(Boolean).length;
      if (words < 4) return;
      let speaker = (j < l.length ? speakerAfter(l.slice(j + 1)) : null) ?? (i > 0 ? speakerBefore(l.slice(0, i)) : null);
      // «I can’t say …,» he told reporters. «We will understand …» — a quote right after another continues it.
      if (!speaker && prevSpeaker && i - prevEnd < 40) speaker = prevSpeaker;
      const sentence = sentenceAt(start);
      const key: string | null = speaker?.key ?? null;
      statements.push({
        start,
        end,
        sentence: sentence?.index ?? 0,
        text: inner,
        kind: 'quote',
        speaker: speaker?.text ?? null,
        speakerKey: key,
        negated: NEGATION.test(inner),
      });
      prevSpeaker = speaker ? { text: speaker.text, key } : null;
      prevEnd = j;
    };
    // Scraped text often loses the opening mark of a line's first quote: "… to me today,” Blinken told reporters.
    const firstMark = l.search(/[“«"”»]/u);
    let from = 0;
    if (firstMark > 0 && /[”»]/u.test(l[firstMark]!) && /^\p{Lu}/u.test(l)) {
      emit(-1, firstMark);
      from = firstMark + 1;
    }
    for (let i = from; i < l.length; i += 1) {
      const open = l[i]!;
      const close = PAIRS[open];
      if (!close) continue;
      // A straight quote opens only at a word start.
      if (open === '"' && i > 0 && /[\p{L}\p{N}]/u.test(l[i - 1]!)) continue;
      let j = l.indexOf(close, i + 1);
      // A quotation left open runs to the end of its paragraph (the next one reopens it, by news convention).
      if (j < 0) {
        if (open === '"') break;
        j = l.length;
      }
      emit(i, j);
      i = j;
    }
  }

  // Reported speech, sentence by sentence, outside quotations.
  const verbRe = new RegExp(`\\b(${REPORTED_VERBS})\\b`, 'gi');
  for (const s of sentences) {
    for (const m of s.text.matchAll(verbRe)) {
      const at = s.start + m.index;
      if (quoteSpans.some((q) => at >= q.start && at < q.end)) continue;
      const subject = subjectBefore(s.text.slice(0, m.index));
      if (!subject) continue;
      let restStart = m.index + m[0].length;
      const rest = s.text.slice(restStart);
      // "…, officials said, while Britain pledged …": a trailing attribution, not the start of what was said.
      if (/^\s*[,;]/.test(rest)) continue;
      // "Inflation will probably peak in the summer, Governor Lina Okafor said.": the words before the attribution.
      const trailing = trailingStatement(s, m.index, m[0], subject, rest, quoteSpans);
      if (trailing) {
        statements.push(trailing);
        break;
      }
      // "told reporters on Thursday that …": the object of "told" and the time are not part of the statement.
      const object = m[0].toLowerCase() === 'told' ? '(?:\\s+(?:reporters|parliament|journalists|the\\s+\\w+(?:\\s+\\w+)?|\\p{Lu}[\\p{L}’\'.-]*(?:\\s+\\p{Lu}[\\p{L}’\'.-]*){0,3}|him|her|them|me|us))?' : '';
      const lead = new RegExp(`^${object}(?:\\s+(?:on|this|last|late|early|earlier|later)\\s+\\w+|\\s+(?:yesterday|today|earlier|later|separately|again|repeatedly|previously))*\\s*,?\\s*(?:that\\s+|:\\s*)?`, 'u').exec(rest);
      const skip = lead![0].length;
      restStart += skip;
      let body = s.text.slice(restStart).replace(/[.!?]+$/u, '').trim();
      // A quote right after the verb is the statement already read.
      if (body === '' || /^[“«",;:.]/.test(body)) continue;
      // Stop at a following quotation.
      const cut = body.search(/[“«"]/);
      if (cut > 0) body = body.slice(0, cut).replace(/[\s,:]+$/u, '');
      // "told reporters after the meeting", "said in a statement": circumstances, not words.
      const n = body.split(/\s+/).length;
      if (n < 3 || (n < 7 && /^(after|before|on|in|at|during|from|to|with|by|late|earlier|yesterday|today)\b/i.test(body))) continue;
      statements.push(reportedStatement(s, s.start + restStart, body, subject, DENIAL_VERBS.test(m[0])));
      break;
    }
  }
  return resolveSpeakers(statements.sort((a, b) => a.start - b.start), text, sentences);
}

/** What was said before a sentence-final attribution ("…, Okafor said." / "…, the ministry said on Monday."), unquoted. */
function trailingStatement(
  s: Sentence,
  verbAt: number,
  verb: string,
  subject: Speaker,
  rest: string,
  quoteSpans: { start: number; end: number }[],
): Statement | null {
  if (DENIAL_VERBS.test(verb) || !/^(?:\s+(?:on|this|last|late|early|earlier|later)\s+\w+|\s+(?:yesterday|today|earlier|later|in\s+a\s+statement))*\s*[.!?]?\s*$/u.test(rest)) return null;
  const before = s.text.slice(0, verbAt);
  const at = before.lastIndexOf(subject.text);
  if (at < 0 || !/,\s*$/.test(before.slice(0, at))) return null;
  const raw = before.slice(0, at).replace(/,\s*$/, '');
  const body = raw.trim();
  const start = s.start + raw.length - raw.trimStart().length;
  // Words in quote marks are read as a quotation already.
  if (/[“”«»"]/.test(body) || body.split(/\s+/).length < 4) return null;
  if (quoteSpans.some((q) => q.start < start + body.length && q.end > start)) return null;
  return reportedStatement(s, start, body, subject, false);
}

/** A reported statement of `subject`: `body` at offset `start`, negated by a denial verb or a negation in it. */
function reportedStatement(s: Sentence, start: number, body: string, subject: Speaker, denial: boolean): Statement {
  return {
    start,
    end: start + body.length,
    sentence: s.index,
    text: body,
    kind: 'reported',
    speaker: subject.text,
    speakerKey: subject.key,
    negated: denial || NEGATION.test(body),
  };
}

/**
 * Second pass in text order: a quote without a speaker takes the speaker of reported speech in its sentence, and a
 * pronoun ("he said") takes the last named speaker, or else the last person the text named before it.
 * Cheap and usually right in news prose, where "he said" continues the last attributed voice.
 */
function resolveSpeakers(statements: Statement[], text: string, sentences: Sentence[]): Statement[] {
  let lastNamed: string | null = null;
  for (const st of statements) {
    if (!st.speaker) {
      const sibling = statements.find((o) => o !== st && o.sentence === st.sentence && o.speaker && !PRONOUNS.test(o.speaker));
      if (sibling) {
        st.speaker = sibling.speaker;
        st.speakerKey = sibling.speakerKey;
      }
    }
    if (st.speaker && PRONOUNS.test(st.speaker)) {
      st.speakerKey = lastNamed ?? lastPersonBefore(text, sentences, st.start)?.key ?? null;
      continue;
    }
    if (st.speakerKey) {
      lastNamed = st.speakerKey;
    }
  }
  return statements;
}

function lastPersonBefore(text: string, sentences: Sentence[], offset: number): { key: string; at: number } | null {
  for (let i = sentences.length - 1; i >= 0; i -= 1) {
    const s = sentences[i]!;
    if (s.start >= offset) continue;
    const upto = text.slice(s.start, Math.min(s.end, offset));
    const people = findEntities(upto).filter((e) => e.type === 'person');
    const last = people[people.length - 1];
    if (last) return { key: last.key, at: s.start + last.start };
  }
  return null;
}

const SPEAKER_AFTER = new RegExp(
  `^\\s*[,.!?]?\\s*(?:(he|she|they|I|we)|((?:(?:the|a|an)\\s+)?(?:[\\p{L}’'.-]+\\s+){0,4}?[\\p{L}’'.-]+))\\s+(?:has\\s+|had\\s+)?(?:${SPEECH_VERBS})\\b`,
  'u',
);
const SPEAKER_INVERTED = new RegExp(
  `^\\s*[,.!?]?\\s*(?:${SPEECH_VERBS})\\s+((?:the\\s+)?\\p{Lu}[\\p{L}’'.-]*(?:\\s+\\p{Lu}[\\p{L}’'.-]*){0,3})`,
  'u',
);

/** The speaker named right after a closing quote: "…,” Blinken said" or "…,” said Ushakov". */
function speakerAfter(after: string): Speaker | null {
  const inv = SPEAKER_INVERTED.exec(after);
  if (inv) {
    const who = inv[1]!.replace(/\.$/, '');
    return { text: who, key: entityKey(who) };
  }
  const m = SPEAKER_AFTER.exec(after);
  if (!m) return null;
  if (m[1]) return { text: m[1], key: null };
  const who = trimSubject(m[2]!);
  return who ? { text: who, key: entityKey(who) } : null;
}

/** The speaker named before an opening quote: "Lavrov told reporters: “…" or "Blinken “emphasised …". */
function speakerBefore(before: string): Speaker | null {
  const m = new RegExp(`((?:[\\p{L}’'.-]+\\s+){0,5}?)(?:${SPEECH_VERBS})(?:\\s+[\\p{L}’'-]+){0,2}?\\s*(?:that)?\\s*[:,]?\\s*$`, 'u').exec(before);
  if (m && m[1]) {
    const who = trimSubject(m[1].trim());
    if (who) return { text: who, key: PRONOUNS.test(who) ? null : entityKey(who) };
  }
  // A name right before the quote: Blinken “emphasised that …”.
  const name = /((?:\p{Lu}[\p{L}’'.-]*\s+){1,3})$/u.exec(before);
  if (name && before.trim().split(/\s+/).length <= 3) {
    const who = name[1]!.trim();
    return { text: who, key: entityKey(who) };
  }
  return null;
}

/** A name in apposition before the verb: "The ministry spokesman, Omar Haddad, said" / "Sara Vance, its chief executive, said". */
function appositionBefore(before: string): Speaker | null {
  const m = /((?:[\p{L}’'.-]+\s+){0,4}[\p{L}’'.-]+),\s+((?:[\p{L}’'.-]+\s+){0,5}[\p{L}’'.-]+),\s*$/u.exec(before);
  if (!m) return null;
  // The part that is a name (capitalised words only) speaks; the other is its role.
  const isName = (s: string) => /^\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,3}$/u.test(s);
  const first = /(?:\p{Lu}[\p{L}’'.-]*\s+){0,3}\p{Lu}[\p{L}’'.-]*$/u.exec(m[1]!)?.[0] ?? '';
  const name = isName(m[2]!) ? m[2]! : first;
  if (!name) return null;
  const who = trimSubject(name);
  return who ? { text: who, key: entityKey(who) } : null;
}

function subjectBefore(before: string): Speaker | null {
  const m = /((?:[\p{L}’'.-]+\s+){1,6})(?:has\s+|have\s+|had\s+)?$/u.exec(before);
  if (!m) return /,\s*$/.test(before) ? appositionBefore(before) : null;
  const who = trimSubject(m[1]!.replace(/\s+(?:has|have|had)\s*$/, '').trim());
  if (!who) return null;
  return { text: who, key: PRONOUNS.test(who) ? null : entityKey(who) };
}

/** Keeps the subject after the last function word; it must name someone (a capital, a pronoun or a role). */
function trimSubject(raw: string): string | null {
  const words = raw.trim().replace(/^[-–—:;,.()\s]+/u, '').split(/\s+/).filter(Boolean);
  let from = 0;
  words.forEach((w, i) => {
    // A function word or a lone dash ("MOSCOW - U.S. President …") ends what came before the subject.
    if (SUBJECT_BREAKS.has(w.toLowerCase().replace(/[,.]$/, '')) || /^[-–—]+$/u.test(w)) from = i + 1;
  });
  const kept = words.slice(from).join(' ').replace(/[,.]$/, '');
  if (!kept || /^(?:the|a|an)$/i.test(kept) || /^(?:(?:on|last|next)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i.test(kept)) return null;
  if (PRONOUNS.test(kept)) return kept;
  if (/\p{Lu}/u.test(kept) || /\b(officials?|spokes\w+|ministry|government|sources?|assistant|leader|president|minister|analysts?|experts?|diplomats?|police|authorities|agency|statement)\b/i.test(kept)) return kept;
  return null;
}
