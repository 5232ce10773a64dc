import { expectGracefulDrain } from "./graceful-drain";
import { type ProcessHub, startProcessHub } from "./process-hub";

describe("SIGTERM to the one-process hub (npm start)", () => {
  let hub: ProcessHub;
  beforeAll(async () => {
    hub = await startProcessHub({ layout: "one-process", intercept: ["events"] });
  }, 240_000);
  afterAll(async () => {
    await hub?.close();
  });

  it("lets 8 requests in flight finish with 200, answers /ready 503 while draining, and exits 0 within the bound", async () => {
    await expectGracefulDrain(hub, "hub");
    expect(hub.logs("hub")).toMatch(/"msg":"stopped"/);
  }, 60_000);
});
