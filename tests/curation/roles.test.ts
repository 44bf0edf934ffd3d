import { buildDirectorySchema } from "../../server/src/composition/schema";
import { ListingStatus } from "../../server/src/core/enums";
import { AuditEntry } from "../../server/src/modules/audit/audit-entry.entity";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { WebhookDelivery, WebhookDeliveryStatus } from "../../server/src/modules/webhook/webhook-delivery.entity";
import { WebhookMessage } from "../../server/src/modules/webhook/webhook-message.entity";
import { WebhookEventType } from "../../server/src/modules/webhook/webhook.events";
import { factories } from "../support/factories";
import { type GqlResult, useTestServer } from "../support/server";

// Webhook endpoints on loopback are allowed here (their cases make some).
const server = useTestServer({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: "loopback" } });
let f: ReturnType<typeof factories>;
beforeAll(async () => {
  f = factories(server.ds);
});

type Kind = "Institution" | "Program" | "Requirement" | "Pathway" | "Specialty";
interface Record {
  id: string;
  version: number;
  /** An audit entry of the record, for revertX. */
  entry: string;
}

/** One record of each kind at version 2 with an audited edit, the program a DRAFT. */
async function fixtures(): Promise<{ [K in Kind]: Record } & { curator: Curator }> {
  const s = server.deps.services;
  const inst = await f.institution();
  const req = await f.requirement();
  const pw = await f.pathway();
  const sp = await f.specialty();
  const prog = await f.program({ status: ListingStatus.DRAFT, institutionId: inst.id });
  await s.institutionWrites.update(null, inst.id, 1, { city: "Elsewhere" });
  await s.requirementWrites.update(null, req.id, 1, { name: "Renamed" });
  await s.pathwayWrites.update(null, pw.id, 1, { name: "Renamed" });
  await s.specialtyWrites.update(null, sp.id, 1, { name: "Renamed" });
  await s.programWrites.update(null, prog.id, 1, { title: "Renamed" });
  const entry = async (type: string, id: number) =>
    String((await server.ds.getRepository(AuditEntry).findOneByOrFail({ entityType: type, entityId: id })).id);
  return {
    Institution: { id: String(inst.id), version: 2, entry: await entry("Institution", inst.id) },
    Requirement: { id: String(req.id), version: 2, entry: await entry("Requirement", req.id) },
    Pathway: { id: String(pw.id), version: 2, entry: await entry("Pathway", pw.id) },
    Specialty: { id: String(sp.id), version: 2, entry: await entry("Specialty", sp.id) },
    Program: { id: String(prog.id), version: 2, entry: await entry("Program", prog.id) },
    curator: await f.curator({ role: CuratorRole.VIEWER }),
  };
}

let n = 0;
/** A valid new record of each kind, unique on every call. */
const NEW: { [K in Kind]: () => object } = {
  Institution: () => ({
    slug: `new-inst-${++n}`,
    name: "New",
    kind: "HOSPITAL",
    country: "US",
    region: "NY",
    city: "Albany",
  }),
  Program: () => ({
    slug: `new-program-${++n}`,
    title: "New",
    type: "OBSERVERSHIP",
    audience: "GRADUATE",
    country: "US",
  }),
  Requirement: () => ({ code: `NEW_CODE_${++n}`, name: "New", kind: "EXAM" }),
  Pathway: () => ({ slug: `new-pathway-${++n}`, name: "New", kind: "DIRECT" }),
  Specialty: () => ({ slug: `new-specialty-${++n}`, name: "New" }),
};
const EDIT: { [K in Kind]: object } = {
  Institution: { name: "Edited" },
  Program: { title: "Edited" },
  Requirement: { name: "Edited" },
  Pathway: { name: "Edited" },
  Specialty: { name: "Edited" },
};

interface Case {
  mutation: string;
  minimum: CuratorRole;
  run(fx: Awaited<ReturnType<typeof fixtures>>, as: Curator | null): Promise<GqlResult>;
}

const exec = (q: string, v: object, as: Curator | null) => server.exec(q, v as globalThis.Record<string, unknown>, as);
const versioned = (name: string, kind: Kind, before?: (r: Record) => Promise<number>): Case => ({
  mutation: name,
  minimum: CuratorRole.EDITOR,
  async run(fx, as) {
    const r = fx[kind];
    const version = before ? await before(r) : r.version;
    return exec(`mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { id } }`, { id: r.id, v: version }, as);
  },
});

const KINDS: Kind[] = ["Institution", "Program", "Requirement", "Pathway", "Specialty"];
/** Archives a record behind the API's back (set-up for restoreX). */
const archive = (kind: Kind, r: Record) => {
  const key = `${kind[0].toLowerCase()}${kind.slice(1)}Writes` as const;
  return server.deps.services[key as "specialtyWrites"].delete(null, Number(r.id), r.version);
};

const CASES: Case[] = [
  ...KINDS.flatMap((kind): Case[] => [
    {
      mutation: `create${kind}`,
      minimum: CuratorRole.EDITOR,
      run: (_fx, as) =>
        exec(`mutation($input: ${kind}Input!) { create${kind}(input: $input) { id } }`, { input: NEW[kind]() }, as),
    },
    {
      mutation: `update${kind}`,
      minimum: CuratorRole.EDITOR,
      run: (fx, as) =>
        exec(
          `mutation($id: ID!, $input: ${kind}Input!) { update${kind}(id: $id, version: 2, input: $input) { id } }`,
          { id: fx[kind].id, input: EDIT[kind] },
          as,
        ),
    },
    versioned(`delete${kind}`, kind),
    versioned(`restore${kind}`, kind, async (r) => {
      await archive(kind, r);
      return r.version + 1;
    }),
    {
      mutation: `revert${kind}`,
      minimum: CuratorRole.EDITOR,
      run: (fx, as) =>
        exec(
          `mutation($id: ID!, $to: ID!) { revert${kind}(id: $id, version: 2, toEntry: $to) { id } }`,
          { id: fx[kind].id, to: fx[kind].entry },
          as,
        ),
    },
  ]),
  versioned("publishProgram", "Program"),
  versioned("unpublishProgram", "Program", async (r) => {
    await server.deps.services.programWrites.publish(null, Number(r.id), r.version);
    return r.version + 1;
  }),
  ...(["publishPrograms", "unpublishPrograms", "archivePrograms"] as const).map((mutation): Case => ({
    mutation,
    minimum: CuratorRole.EDITOR,
    async run(fx, as) {
      // A record each verb can change: unpublishing needs a published one.
      let version = fx.Program.version;
      if (mutation === "unpublishPrograms")
        version = (await server.deps.services.programWrites.publish(null, Number(fx.Program.id), version)).version;
      const result = await exec(
        `mutation($refs: [VersionRef!]!) { ${mutation}(refs: $refs) { id ok error { code message } } }`,
        { refs: [{ id: fx.Program.id, version }] },
        as,
      );
      // Per-item failures are data, not errors: a refused item fails this case too.
      const failed = result.data?.[mutation]?.filter((item: { ok: boolean }) => !item.ok) ?? [];
      return failed.length ? { ...result, errors: failed.map((item: { error: unknown }) => item.error) } : result;
    },
  })),
  ...(["Program", "Institution", "Pathway", "Requirement"] as const).map((kind): Case => ({
    mutation: `verify${kind}`,
    minimum: CuratorRole.EDITOR,
    run: (fx, as) =>
      exec(`mutation($id: ID!) { verify${kind}(id: $id, version: 2, note: "ok") { id } }`, { id: fx[kind].id }, as),
  })),
  {
    mutation: "createSnapshot",
    minimum: CuratorRole.EDITOR,
    run: (_fx, as) => exec(`mutation { createSnapshot(label: "roles test") { id } }`, {}, as),
  },
  {
    mutation: "createCurator",
    minimum: CuratorRole.ADMIN,
    run: (_fx, as) =>
      exec(
        `mutation { createCurator(input: { email: "n${++n}@example.org", role: EDITOR, password: "twelve chars!" }) { id } }`,
        {},
        as,
      ),
  },
  {
    mutation: "updateCurator",
    minimum: CuratorRole.ADMIN,
    run: (fx, as) =>
      exec(
        `mutation($id: ID!) { updateCurator(id: $id, version: 1, input: { active: false }) { id } }`,
        { id: String(fx.curator.id) },
        as,
      ),
  },
  ...webhookCases(),
];

/** Webhook endpoints: ADMIN only. Each case makes its own endpoint (and a logged attempt for resend). */
function webhookCases(): Case[] {
  const endpoint = async () => {
    const made = await server.deps.services.webhooks.create(null, {
      url: "http://127.0.0.1:9/hooks",
      eventTypes: [WebhookEventType.PROGRAM_CHANGED],
    });
    return String(made.endpoint.id);
  };
  const withEndpoint = (mutation: string, document: string): Case => ({
    mutation,
    minimum: CuratorRole.ADMIN,
    run: async (_fx, as) => exec(document, { id: await endpoint() }, as),
  });
  return [
    {
      mutation: "createWebhookEndpoint",
      minimum: CuratorRole.ADMIN,
      run: (_fx, as) =>
        exec(
          `mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/h", eventTypes: [PROGRAM_CREATED] }) { secret } }`,
          {},
          as,
        ),
    },
    withEndpoint(
      "updateWebhookEndpoint",
      `mutation($id: ID!) { updateWebhookEndpoint(id: $id, version: 1, input: { enabled: false }) { id } }`,
    ),
    withEndpoint("rotateWebhookSecret", `mutation($id: ID!) { rotateWebhookSecret(id: $id, version: 1) { secret } }`),
    withEndpoint("deleteWebhookEndpoint", `mutation($id: ID!) { deleteWebhookEndpoint(id: $id, version: 1) { id } }`),
    {
      mutation: "resendWebhookDelivery",
      minimum: CuratorRole.ADMIN,
      async run(_fx, as) {
        const id = Number(await endpoint());
        const message = await server.ds.getRepository(WebhookMessage).save({
          endpointId: id,
          messageId: `msg_roles_${++n}`,
          eventType: "program.changed",
          payload: "{}",
          status: "DELIVERED" as const,
          attempts: 1,
          nextAttemptAt: new Date(),
          createdAt: new Date(),
        });
        const attempt = await server.ds.getRepository(WebhookDelivery).save({
          endpointId: id,
          messageRowId: message.id,
          messageId: message.messageId,
          eventType: message.eventType,
          attempt: 1,
          status: WebhookDeliveryStatus.SUCCEEDED,
          responseStatus: 204,
          durationMs: 1,
          attemptedAt: new Date(),
        });
        return exec(`mutation($id: ID!) { resendWebhookDelivery(id: $id) { id } }`, { id: String(attempt.id) }, as);
      },
    },
  ];
}

const RANK = { [CuratorRole.VIEWER]: 1, [CuratorRole.EDITOR]: 2, [CuratorRole.ADMIN]: 3 };

describe("authorization of every mutation", () => {
  it("covers every mutation in the schema (login and logout are open to all)", async () => {
    const schema = await buildDirectorySchema();
    const all = Object.keys(schema.getMutationType()!.getFields()).filter((n) => n !== "login" && n !== "logout");
    expect(CASES.map((c) => c.mutation).sort()).toEqual(all.sort());
  });

  it.each(CASES.map((c) => [c.mutation, c] as const))(
    "%s: anonymous UNAUTHENTICATED, too low a role FORBIDDEN, the role needed succeeds",
    async (_name, c) => {
      await server.reset();
      for (const role of [null, CuratorRole.VIEWER, CuratorRole.EDITOR, CuratorRole.ADMIN]) {
        // Fresh records for each role (factories make unique ones), so every attempt starts alike.
        const fx = await fixtures();
        const as = role ? await f.curator({ role }) : null;
        const result = await c.run(fx, as);
        const code = result.errors?.[0]?.extensions?.code;
        const label = `${c.mutation} as ${role ?? "anonymous"}`;
        if (role === null) expect([label, code]).toEqual([label, "UNAUTHENTICATED"]);
        else if (RANK[role] < RANK[c.minimum]) expect([label, code]).toEqual([label, "FORBIDDEN"]);
        else expect([label, result.errors]).toEqual([label, undefined]);
        if (code === "UNAUTHENTICATED" || code === "FORBIDDEN") expect(result.data).toBeNull();
      }
    },
  );
});
