import { describe, expect, it } from "vitest";
import { oneAtATime } from "../../src/batch/one-at-a-time.ts";

describe("oneAtATime", () => {
  it("runs batches one after another in the order they came, and says when the running one has ended", async () => {
    const events: string[] = [];
    const releases = new Map<string, () => void>();
    const runner = oneAtATime((name: string) => {
      events.push(`start ${name}`);
      return new Promise<void>((resolve) => releases.set(name, () => (events.push(`end ${name}`), resolve())));
    });
    await runner.current(); // idle: settles at once
    runner.add("a");
    runner.add("b");
    runner.add("c");
    expect(events).toEqual(["start a"]);
    expect(runner.waiting).toEqual(["b", "c"]);
    runner.waiting.splice(runner.waiting.indexOf("c"), 1); // a store removes a deleted batch before it starts
    const aEnded = runner.current();
    releases.get("a")!();
    await aEnded;
    await Promise.resolve();
    expect(events).toEqual(["start a", "end a", "start b"]);
    releases.get("b")!();
    await runner.current();
    expect(events).toEqual(["start a", "end a", "start b", "end b"]);
    expect(runner.waiting).toEqual([]);
  });

  it("goes on with the next batch when one fails", async () => {
    const ran: string[] = [];
    const runner = oneAtATime(async (name: string) => {
      ran.push(name);
      if (name === "bad") throw new Error("failed");
    });
    runner.add("bad");
    runner.add("good");
    await runner.current().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await runner.current();
    expect(ran).toEqual(["bad", "good"]);
  });
});
