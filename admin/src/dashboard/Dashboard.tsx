import {
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Link,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { Title, useCanAccess, useCreatePath, useGetList, useTranslate, type RaRecord } from "react-admin";
import { Link as RouterLink } from "react-router-dom";
import { useEntityTarget } from "../components/EntityLink";
import { formatDate, formatDateTime } from "../components/formats";
import { useChangeSummary } from "../components/history/ChangesField";
import type { HistoryEntry } from "../components/history/describe";
import { useDirectory } from "../components/useDirectory";
import { WebhookNotice } from "./WebhookNotice";

function CountsCard({
  title,
  enumName,
  rows,
  link,
}: {
  title: string;
  enumName: string;
  rows?: { value: string; count: number }[];
  link: (v: string) => string;
}) {
  const translate = useTranslate();
  return (
    <Card sx={{ flex: 1, minWidth: 260 }}>
      <CardHeader title={translate(title)} titleTypographyProps={{ variant: "h6" }} />
      <CardContent sx={{ pt: 0 }}>
        <Stack direction="row" flexWrap="wrap" gap={1} data-testid={`counts-${enumName}`}>
          {(rows ?? []).map((r) => (
            <Chip
              key={r.value}
              component={RouterLink}
              to={link(r.value)}
              clickable
              label={`${translate(`directory.enums.${enumName}.${r.value}`, { _: r.value })}: ${r.count}`}
            />
          ))}
          {!rows && <Typography color="text.secondary">…</Typography>}
        </Stack>
      </CardContent>
    </Card>
  );
}

const listLink = (filter: Record<string, unknown>) => `/programs?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** The admin resource of each kind of record in the review queue. */
const RESOURCE_OF: Record<string, string> = {
  PROGRAM: "programs",
  INSTITUTION: "institutions",
  PATHWAY: "pathways",
  REQUIREMENT: "requirements",
};

/** The queue curators work from: `reviewQueue`, every kind of record, never-verified first. */
function DueForReview() {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const directory = useDirectory();
  const { canAccess: canEdit } = useCanAccess({ resource: "programs", action: "edit" });
  const queue = useQuery({
    queryKey: ["directory", "reviewQueue"],
    queryFn: () => directory.reviewQueue({ first: 10 }),
  });
  const data = queue.data?.data ?? [];
  const total = queue.data?.total;
  return (
    <Card sx={{ flex: 1, minWidth: 320 }}>
      <CardHeader
        title={`${translate("directory.dashboard.due")}${total != null ? ` (${total})` : ""}`}
        titleTypographyProps={{ variant: "h6" }}
        subheader={translate("directory.dashboard.due_help")}
      />
      <CardContent sx={{ pt: 0 }}>
        {queue.error ? <Typography color="error">{(queue.error as Error).message}</Typography> : null}
        {queue.isSuccess && data.length === 0 && (
          <Typography color="text.secondary">{translate("directory.dashboard.due_empty")}</Typography>
        )}
        <List dense data-testid="due-for-review">
          {data.map((p) => (
            <ListItem key={p.id} disableGutters>
              <ListItemText
                primary={
                  <Link
                    component={RouterLink}
                    to={createPath({
                      resource: RESOURCE_OF[p.recordType],
                      id: p.recordId,
                      type: canEdit ? "edit" : "show",
                    })}
                  >
                    {p.name}
                  </Link>
                }
                secondary={[
                  translate(`directory.review.types.${p.recordType}`),
                  translate(`directory.review.reasons.${p.reason}`),
                  p.lastVerifiedAt
                    ? translate("directory.verify.last", {
                        at: formatDate(p.lastVerifiedAt),
                      })
                    : translate("directory.verify.never"),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              />
            </ListItem>
          ))}
        </List>
        {(total ?? 0) > 0 && (
          <Link component={RouterLink} to={`${listLink({ dueForReview: true })}&sort=lastVerifiedAt&order=ASC`}>
            {translate("directory.actions.open_queue")}
          </Link>
        )}
      </CardContent>
    </Card>
  );
}

function RecentChange({ entry }: { entry: RaRecord }) {
  const translate = useTranslate();
  const { text, to } = useEntityTarget(entry);
  const summary = useChangeSummary(entry as unknown as HistoryEntry);
  const what = `${translate(`directory.enums.AuditAction.${entry.action}`, { _: entry.action })}: ${text}`;
  return (
    <ListItem disableGutters>
      <ListItemText
        primary={
          to ? (
            <Link component={RouterLink} to={to}>
              {what}
            </Link>
          ) : (
            what
          )
        }
        secondary={`${formatDateTime(entry.at)} · ${entry.actor?.name || entry.actor?.email || translate("directory.history.no_actor")} · ${summary}`}
        secondaryTypographyProps={{ noWrap: true, title: summary }}
      />
    </ListItem>
  );
}

function RecentChanges() {
  const translate = useTranslate();
  const { data = [], isPending, error } = useGetList("audit", { pagination: { page: 1, perPage: 10 } });
  return (
    <Card sx={{ flex: 1, minWidth: 320 }}>
      <CardHeader title={translate("directory.dashboard.recent")} titleTypographyProps={{ variant: "h6" }} />
      <CardContent sx={{ pt: 0 }}>
        {error ? <Typography color="error">{(error as Error).message}</Typography> : null}
        {!isPending && !error && data.length === 0 && (
          <Typography color="text.secondary">{translate("directory.dashboard.recent_empty")}</Typography>
        )}
        <List dense data-testid="recent-changes">
          {data.map((e) => (
            <RecentChange key={e.id} entry={e} />
          ))}
        </List>
        <Link component={RouterLink} to="/audit">
          {translate("directory.dashboard.all_history")}
        </Link>
      </CardContent>
    </Card>
  );
}

/** Where curators start: the state of the directory, the review queue, and what changed lately. */
export default function Dashboard() {
  const directory = useDirectory();
  const translate = useTranslate();
  const counts = useQuery({ queryKey: ["directory", "dashboard"], queryFn: () => directory.dashboard() });
  return (
    <Box sx={{ mt: 2 }} data-testid="dashboard">
      <Title title={translate("directory.dashboard.title")} />
      <WebhookNotice />
      <Stack direction="row" flexWrap="wrap" gap={2} sx={{ mb: 2 }}>
        <CountsCard
          title="directory.dashboard.by_status"
          enumName="ListingStatus"
          rows={counts.data?.data.byStatus}
          link={(v) => listLink({ status: [v] })}
        />
        <CountsCard
          title="directory.dashboard.by_type"
          enumName="ProgramType"
          rows={counts.data?.data.byType}
          link={(v) => listLink({ type: [v] })}
        />
      </Stack>
      {counts.error ? (
        <Typography color="error" sx={{ mb: 2 }}>
          {(counts.error as Error).message}
        </Typography>
      ) : null}
      <Stack direction="row" flexWrap="wrap" gap={2}>
        <DueForReview />
        <RecentChanges />
      </Stack>
    </Box>
  );
}
