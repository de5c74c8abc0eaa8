import { prisma } from "~/utils/db.server.ts";

/** pg_trgm similarity at which a word counts as a typo of a known one ("lgo" ~ "logo" is 0.29). */
const TYPO_SIMILARITY = 0.25;

export type Correction = { word: string; suggestions: string[] };

/**
 * Words that no visible listing contains (in either language), each with up to two known words
 * that look like it. Runs only when the search has words; one statement, the trigram index on
 * "SearchWord" finds the candidates.
 */
export async function correctWords(words: string[]): Promise<Correction[]> {
  if (words.length === 0) return [];
  // The threshold is set for this one statement (set_config local to its own transaction) in a
  // lateral join, so it applies before the trigram index is scanned; an interactive transaction
  // would wait for a pooled connection and time out under load.
  const rows = await prisma.$queryRaw<{ word: string; suggestions: string[] | null }[]>`
    SELECT t.word, (
      SELECT array_agg(s.word ORDER BY s.score DESC, s.word)
      FROM (
        SELECT w."word", similarity(w."word", t.word) AS score
        FROM "SearchWord" w
        WHERE threshold.applied IS NOT NULL AND w."word" % t.word AND w."word" <> t.word
        ORDER BY score DESC, w."word"
        LIMIT 2
      ) s
    ) AS suggestions
    FROM (SELECT set_config('pg_trgm.similarity_threshold', ${String(TYPO_SIMILARITY)}, true) AS applied) threshold
    CROSS JOIN LATERAL unnest(${words}::text[]) AS t(word)
    WHERE length(t.word) >= 3
      AND numnode(plainto_tsquery('english', t.word)) > 0
      AND numnode(plainto_tsquery('german', t.word)) > 0
      AND NOT EXISTS (
        SELECT 1 FROM "ListingSearch" l
        WHERE l."searchDocument" @@ (plainto_tsquery('english', t.word) || plainto_tsquery('german', t.word))
      )`;
  return rows.map((row) => ({ word: row.word, suggestions: row.suggestions ?? [] }));
}
