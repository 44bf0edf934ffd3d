import { isEmail } from "class-validator";
import type { DataSource, EntityManager } from "typeorm";
import type { ConnectionArgs, Page } from "../../core/connection";
import { BadUserInputError } from "../../core/errors";
import { given, Problems } from "../../core/problems";
import { paginate, type Ordering } from "../../core/pagination";
import { namesByIds, type RecordName } from "../../core/record-names";
import { inTransaction } from "../../core/transaction";
import type { AuditTrail } from "../../core/audit-trail";
import { insertVersioned, updateVersioned, type Change, type WriteModel } from "../../core/versioned-write";
import { AuditAction } from "../audit/audit-entry.entity";
import { CuratorSession } from "./curator-session.entity";
import { Curator, CuratorRole } from "./curator.entity";
import type { CuratorInput, CuratorUpdateInput } from "./curator.input";
import { hashPassword, passwordProblem } from "./password";

const BY_EMAIL: Ordering = {
  name: "EMAIL",
  keys: [
    { expr: "c.email", direction: "ASC" },
    { expr: "c.id", direction: "ASC" },
  ],
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Curator accounts: created and changed through the same versioned, audited write as listings. */
export class CuratorService {
  readonly model: WriteModel<Curator> = {
    typeName: "Curator",
    audit: this.audit,
    entity: Curator,
    columns: ["email", "name", "role", "active"],
    unique: ["email"],
    redacted: ["passwordHash"],
  };

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  list(args: ConnectionArgs): Promise<Page<Curator>> {
    return paginate(this.ds.getRepository(Curator).createQueryBuilder("c"), BY_EMAIL, args);
  }

  byIds(ids: readonly number[]): Promise<Curator[]> {
    return this.ds
      .getRepository(Curator)
      .createQueryBuilder("c")
      .where("c.id IN (:...ids)", { ids: [...ids] })
      .getMany();
  }

  /** Display names by id for the history (a verifying curator, a changed account). */
  namesByIds(ids: readonly number[]): Promise<RecordName[]> {
    return namesByIds(this.ds.getRepository(Curator), ids, ["name"], (c) => c.name);
  }

  findByEmail(email: string): Promise<Curator | null> {
    return this.ds.getRepository(Curator).findOne({ where: { email: normalizeEmail(email) } });
  }

  count(): Promise<number> {
    return this.ds.getRepository(Curator).count();
  }

  /** `actorId` null: made from the command line or at start-up. */
  async create(actorId: number | null, input: CuratorInput): Promise<Curator> {
    const problems = new Problems();
    const email = normalizeEmail(input.email ?? "");
    if (!isEmail(email)) problems.add(["input", "email"], "email must be an email address");
    const weak = passwordProblem(input.password ?? "");
    if (weak) problems.add(["input", "password"], weak);
    problems.throwIfAny();
    const name = input.name?.trim() || email.split("@")[0];
    const passwordHash = await hashPassword(input.password);
    return inTransaction(this.ds, (m) =>
      insertVersioned(
        m,
        this.model,
        { values: { email, name, role: input.role, active: true, passwordHash } },
        { actorId },
      ),
    );
  }

  /** Disabling (active: false) or a new password ends every session of the curator in the same transaction. */
  async update(
    actorId: number | null,
    id: number,
    version: number,
    input: CuratorUpdateInput,
  ): Promise<{ curator: Curator; endedSessions: number }> {
    const problems = new Problems();
    for (const key of ["name", "role", "active", "password"] as const) {
      if (given(input, key) && input[key] === null) problems.add(["input", key], `${key} cannot be cleared`);
    }
    const weak = input.password ? passwordProblem(input.password) : null;
    if (weak) problems.add(["input", "password"], weak);
    problems.throwIfAny();
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;

    return inTransaction(this.ds, async (m) => {
      const curator = await updateVersioned(m, this.model, {
        id,
        version,
        actorId,
        action: AuditAction.UPDATE,
        compute: async ({ row }) => {
          const values: Change<Curator>["values"] = {};
          if (input.name) values.name = input.name.trim();
          if (input.role) values.role = input.role;
          if (typeof input.active === "boolean") values.active = input.active;
          if (passwordHash) values.passwordHash = passwordHash;
          await this.keepAnAdmin(m, row, values);
          return { values };
        },
      });
      const endedSessions = input.active === false || passwordHash ? await revokeSessions(m, id) : 0;
      return { curator, endedSessions };
    });
  }

  /** Refuses to leave the directory without an active ADMIN: nobody could manage curators again. */
  private async keepAnAdmin(m: EntityManager, row: Curator, values: Partial<Curator>): Promise<void> {
    const staysAdmin = (values.role ?? row.role) === CuratorRole.ADMIN && (values.active ?? row.active);
    if (row.role !== CuratorRole.ADMIN || !row.active || staysAdmin) return;
    const others = await m
      .createQueryBuilder(Curator, "c")
      .where("c.role = :admin", { admin: CuratorRole.ADMIN })
      .andWhere("c.id <> :id", { id: row.id })
      .getMany();
    if (!others.some((c) => c.active)) {
      const field = values.active === false ? "active" : "role";
      throw BadUserInputError.field(
        ["input", field],
        `${row.email} is the last active ADMIN; make another curator ADMIN first`,
      );
    }
  }
}

/** Ends every open session of a curator; returns how many. */
export async function revokeSessions(m: EntityManager, curatorId: number): Promise<number> {
  const result = await m
    .createQueryBuilder()
    .update(CuratorSession)
    .set({ revokedAt: new Date() })
    .where(`"curatorId" = :curatorId`, { curatorId })
    .andWhere(`"revokedAt" IS NULL`)
    .execute();
  return result.affected ?? 0;
}
