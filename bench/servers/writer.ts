/**
 * A curator-like writer in its own process (as another app server would be): while told to run,
 * every 200 ms it reads one program, changes its description and saves it with TypeORM in a
 * transaction, on DATABASE_URL. Its own process keeps its synchronous SQLite writes (and their
 * fsyncs) off the load generator's event loop, which would otherwise inflate read latencies.
 */
import "reflect-metadata";
import { loadConfig } from "../../server/src/core/config";
import { openDataSource } from "../../server/src/composition/database";
import { Program } from "../../server/src/modules/program/program.entity";

const WRITES_PER_SECOND = 5;

async function main(): Promise<void> {
  const ds = await openDataSource(loadConfig().database);
  const [{ m }] = await ds.query(`SELECT MAX(id) AS m FROM programs`);
  const maxId = Number(m);
  let n = 0;
  let timer: NodeJS.Timeout | null = null;
  let pending = new Set<Promise<void>>();
  let stats = { writes: 0, failures: 0, ms: [] as number[], started: 0 };
  const write = () => {
    const id = 1 + ((n++ * 7919) % maxId);
    const started = performance.now();
    const p = ds
      .transaction(async (em) => {
        const program = await em.findOneBy(Program, { id });
        if (!program) return;
        program.description = `${(program.description ?? "").slice(0, 400)} (edited by the bench writer ${n})`;
        await em.save(program);
      })
      .then(
        () => {
          stats.writes++;
          stats.ms.push(performance.now() - started);
        },
        () => void stats.failures++,
      )
      .finally(() => pending.delete(p));
    pending.add(p);
  };
  process.on("message", async (msg) => {
    if (msg === "start") {
      stats = { writes: 0, failures: 0, ms: [], started: Date.now() };
      timer = setInterval(write, 1000 / WRITES_PER_SECOND);
      process.send!({ started: true });
    } else if (msg === "stop") {
      if (timer) clearInterval(timer);
      await Promise.all([...pending]);
      pending = new Set();
      process.send!({ stats: { ...stats, seconds: (Date.now() - stats.started) / 1000 } });
    } else if (msg === "exit") {
      await ds.destroy();
      process.exit(0);
    }
  });
  process.send!({ ready: true });
}

main().catch((e) => {
  console.error("bench writer failed:", e);
  process.exit(1);
});
