// The prompt variable syntax: what sellers write in the editor and buyers fill in the library.
import { describe, expect, it } from "vitest";
import { fillPrompt, parsePrompt, variableLabel } from "~/modules/prompts/variables.ts";

const errorsOf = (source: string) => {
  const parsed = parsePrompt(source);
  if (parsed.ok) throw new Error(`expected errors for ${JSON.stringify(source)}`);
  return parsed.errors.map((error) => error.message);
};

describe("parsePrompt", () => {
  it("reads every type, in order of first appearance", () => {
    const parsed = parsePrompt(
      "Write about {{topic}} in a {{ tone : enum(formal, casual) }} tone,\n{{length:number}} words, from:\n{{source:text}}\nAgain: {{topic}}",
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.variables).toEqual([
      { name: "topic", type: { kind: "line" }, line: 1, column: 13 },
      { name: "tone", type: { kind: "enum", options: ["formal", "casual"] }, line: 1, column: 28 },
      { name: "length", type: { kind: "number" }, line: 2, column: 1 },
      { name: "source", type: { kind: "text" }, line: 3, column: 1 },
    ]);
    expect(
      fillPrompt(parsed.segments, { topic: "tea", tone: "casual", length: "200", source: "notes" }),
    ).toBe("Write about tea in a casual tone,\n200 words, from:\nnotes\nAgain: tea");
  });

  it("keeps a prompt without variables and literal braces written as \\{{", () => {
    const parsed = parsePrompt('Return JSON like \\{{"a": 1}} and nothing else.');
    expect(parsed).toEqual({
      ok: true,
      variables: [],
      segments: [{ literal: 'Return JSON like {{"a": 1}} and nothing else.' }],
    });
  });

  it("lets a bare repeat refer to a typed variable, whichever comes first", () => {
    const parsed = parsePrompt("{{tone}} then {{tone:enum(a,b)}} then {{tone}}");
    expect(parsed.ok && parsed.variables).toEqual([
      { name: "tone", type: { kind: "enum", options: ["a", "b"] }, line: 1, column: 1 },
    ]);
  });

  it("leaves an unfilled variable visible in the filled prompt", () => {
    const parsed = parsePrompt("Hello {{name}}!");
    expect(parsed.ok && fillPrompt(parsed.segments, {})).toBe("Hello {{name}}!");
  });

  it.each([
    [
      "Hi {{name",
      'Line 1, column 4: "{{" is not closed: expected "}}" on the same line (write \\{{ for literal braces)',
    ],
    [
      "ok\nHi {{name\n}}",
      'Line 2, column 4: "{{" is not closed: expected "}}" on the same line (write \\{{ for literal braces)',
    ],
    [
      "{{a {{b}}",
      'Line 1, column 1: "{{" is not closed: expected "}}" on the same line (write \\{{ for literal braces)',
    ],
    ["x {{ }}", "Line 1, column 5: empty {{ }}: expected a variable name, such as {{topic}}"],
    ["{{tone:date}}", 'Line 1, column 8: unknown type "date": expected text, number or enum(…)'],
    ["{{tone:}}", 'Line 1, column 8: expected a type after "tone:": text, number or enum(…)'],
    [
      "{{tone:enum()}}",
      "Line 1, column 8: enum() has no options: expected at least one, such as enum(formal,casual)",
    ],
    [
      "{{tone:enum}}",
      "Line 1, column 8: enum needs its options in parentheses: expected enum(option1,option2)",
    ],
    [
      "{{tone:enum(a,,b)}}",
      "Line 1, column 8: enum(a,,b) has an empty option: expected options separated by single commas",
    ],
    ["{{tone:enum(a,a)}}", 'Line 1, column 8: enum lists "a" twice: expected each option once'],
    [
      "{{2fast}}",
      'Line 1, column 3: "2fast" is not a valid variable name: expected a letter followed by letters, digits or _ (at most 40)',
    ],
    [
      "{{first name}}",
      'Line 1, column 3: "first name" is not a valid variable name: expected a letter followed by letters, digits or _ (at most 40)',
    ],
    [
      "{{:number}}",
      "Line 1, column 3: expected a variable name before the colon, such as {{tone:enum(formal,casual)}}",
    ],
    [
      "{{n:number}}\n  {{n:text}}",
      'Line 2, column 3: "n" is text here but number on line 1, column 1: expected the same type each time (or none after the first)',
    ],
    [
      "{{t:enum(a,b)}} {{t:enum(b,a)}}",
      'Line 1, column 17: "t" is enum(b,a) here but enum(a,b) on line 1, column 1: expected the same type each time (or none after the first)',
    ],
  ])("refuses %j with a precise message", (source, message) => {
    expect(errorsOf(source)).toEqual([message]);
  });

  it("reports every mistake, not only the first", () => {
    expect(errorsOf("{{a:date}} and {{b:enum()}}")).toHaveLength(2);
  });
});

describe("variableLabel", () => {
  it("turns names into labels", () => {
    expect(variableLabel("tone_of_voice")).toBe("Tone of voice");
    expect(variableLabel("targetAudience")).toBe("Target audience");
  });
});
