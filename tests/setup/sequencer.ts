// The order vitest starts test files in: its own (failed first, then longest by the last run's
// times, or largest file when it has none), except that the security suite's longest files start
// first within their project. On a fresh clone vitest has no times and would go by file size, and the
// corpus shards (bad-input*.test.ts, a few lines each) would start last and end the run alone.
import { BaseSequencer, type TestSpecification } from "vitest/node";

const LONGEST = /tests[\\/]security[\\/](bad-input[^\\/]*|access-matrix)\.test\.ts$/;

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // super.sort keeps each project's files together: reorder within each run of one project.
    const result: TestSpecification[] = [];
    let group: TestSpecification[] = [];
    const flush = () => {
      result.push(...group.filter((spec) => LONGEST.test(spec.moduleId)));
      result.push(...group.filter((spec) => !LONGEST.test(spec.moduleId)));
      group = [];
    };
    for (const spec of sorted) {
      if (group.length > 0 && group[0]?.project.name !== spec.project.name) flush();
      group.push(spec);
    }
    flush();
    return result;
  }
}
