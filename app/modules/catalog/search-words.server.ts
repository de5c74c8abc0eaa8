import { Prisma } from "~/generated/prisma/client.ts";
import { correctWords } from "./search-typos.server.ts";

const MAX_WORDS = 6;

/** The words of a query, lower case, as typed (PostgreSQL stems them per language). */
export function queryWords(q: string | undefined): string[] {
  if (!q) return [];
  const words = q
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((word) => word.length > 0 && word.length <= 40);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

function wordQuery(word: string): Prisma.Sql {
  return Prisma.sql`(plainto_tsquery('english', ${word}) || plainto_tsquery('german', ${word}))`;
}

/**
 * The tsquery for the words: every word must match (in English or German, or as one of its
 * corrections). Stop words of either language are left out, since the other language's index of
 * an English "the" or a German "die" holds nothing to match.
 */
function textQuery(words: string[], corrections: Map<string, string[]>): Prisma.Sql | null {
  if (words.length === 0) return null;
  const parts = words.map((word) => {
    const alternatives = [wordQuery(word), ...(corrections.get(word) ?? []).map(wordQuery)];
    return Prisma.sql`(CASE WHEN numnode(plainto_tsquery('english', ${word})) = 0
        OR numnode(plainto_tsquery('german', ${word})) = 0
      THEN ''::tsquery ELSE ${Prisma.join(alternatives, " || ")} END)`;
  });
  return Prisma.join(parts, " && ");
}

/**
 * The search's words as a tsquery (null without words), after correcting the words no listing
 * contains; the corrections are what the page tells the buyer ("lgo" was read as "logo").
 */
export async function prepareText(q: string | undefined) {
  const words = queryWords(q);
  const corrections = await correctWords(words);
  const query = textQuery(
    words,
    new Map(corrections.map((correction) => [correction.word, correction.suggestions])),
  );
  return { query, corrections: corrections.filter((correction) => correction.suggestions.length > 0) };
}
