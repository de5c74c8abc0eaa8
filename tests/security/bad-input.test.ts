// The bad-input corpus, shard 1: every surface in tests/security/corpus/<area>.ts and
// support/corpus-core.ts, split over bad-input*.test.ts so the shards run side by side, each with its
// own server and database. What each case checks, and how the split works: support/corpus-run.ts.
import { runCorpusShard } from "./support/corpus-run.ts";

runCorpusShard(1);
