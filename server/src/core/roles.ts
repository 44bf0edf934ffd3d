import { registerEnumType } from "type-graphql";

/** A curator's role: each includes the ones below it (ADMIN ⊃ EDITOR ⊃ VIEWER). */
export enum CuratorRole {
  ADMIN = "ADMIN",
  EDITOR = "EDITOR",
  VIEWER = "VIEWER",
}
registerEnumType(CuratorRole, {
  name: "CuratorRole",
  description: "VIEWER reads drafts and history; EDITOR also writes and publishes; ADMIN also manages curators",
});
