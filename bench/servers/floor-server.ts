/**
 * Contender: the physical floor for the bench page. A bare node:http handler: read the POST
 * body, run the hand-written prepared statements, JSON.stringify the same payload. No
 * framework, no GraphQL, no ORM: what the page costs at the least on this machine.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { answerCpuQuestions } from "../lib/children";
import { floorPage, openPostgresFloor, openSqliteFloor } from "./floor-sql";

const url = process.env.DATABASE_URL ?? "";
const db = url.startsWith("postgres") ? openPostgresFloor(url) : openSqliteFloor(url.replace(/^sqlite:/, ""));

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    let first = 50;
    let after: string | null = null;
    try {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        variables?: { first?: number; after?: string | null };
      };
      first = variables?.first ?? 50;
      after = variables?.after ?? null;
    } catch {
      res.writeHead(400).end();
      return;
    }
    floorPage(db, first, after).then(
      (body) => {
        res.writeHead(200, {
          "content-type": "application/json; charset=utf-8",
          "content-length": Buffer.byteLength(body),
        });
        res.end(body);
      },
      (e: Error) => {
        console.error("floor failed:", e.message);
        res.writeHead(500).end();
      },
    );
  });
});

server.listen(0, "127.0.0.1", () => process.send!({ port: (server.address() as AddressInfo).port }));
process.on("message", async (msg) => {
  if (msg !== "stop") return;
  server.close();
  await db.close();
  process.exit(0);
});

answerCpuQuestions();
