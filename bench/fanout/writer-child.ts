/**
 * A load-generator process of its own for writers (fanout.ts's ramp): the writers of a
 * 300-writer room each apply every other writer's edits, which saturates one process before
 * the server. Writers here are the same stock y-websocket clients as in-process ones
 * (clients.ts); their markers carry the monotonic time, which readers in the parent compare.
 *
 * IPC, parent -> child: {type:"open", providerUrl, headers, room, ids} -> {type:"opened"};
 * {type:"window", since} (count receipts of edits made from `since` µs on, null: stop
 * counting); {type:"start", rate}; {type:"stop"}; {type:"report"} -> {type:"report", edits,
 * deliveries, cpuS}; {type:"close"}.
 */
import { Recorder, openWriter, type Writer } from "./clients";

type Message =
  | { type: "open"; providerUrl: string; headers: Record<string, string>; room: string; ids: number[] }
  | { type: "window"; since: number | null }
  | { type: "start"; rate: number }
  | { type: "stop" }
  | { type: "report" }
  | { type: "close" };

process.setMaxListeners(0);
const rec = new Recorder();
const writers: Writer[] = [];

process.on("message", (m: Message) => {
  switch (m.type) {
    case "open": {
      const server = { providerUrl: m.providerUrl, headers: () => m.headers };
      const opened = m.ids.map((id) => openWriter(server, m.room, id, rec));
      writers.push(...opened);
      void Promise.all(opened.map((w) => w.synced)).then(() => process.send!({ type: "opened" }));
      return;
    }
    case "window":
      rec.deliveries = 0;
      rec.recording = m.since !== null;
      rec.since = m.since ?? Infinity;
      return;
    case "start":
      for (const w of writers) w.start(m.rate);
      return;
    case "stop":
      for (const w of writers) w.stop();
      return;
    case "report": {
      const cpu = process.cpuUsage();
      process.send!({ type: "report", edits: writers.reduce((n, w) => n + w.edits, 0), deliveries: rec.deliveries, cpuS: (cpu.user + cpu.system) / 1e6 });
      return;
    }
    case "close":
      for (const w of writers) w.close();
      process.exit(0);
  }
});
process.on("disconnect", () => process.exit(0));
