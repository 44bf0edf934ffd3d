import {
  CreateButton,
  Datagrid,
  ExportButton,
  FilterButton,
  List,
  NullableBooleanInput,
  SearchInput,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
} from "react-admin";
import { EmptyState } from "../../components/EmptyState";
import { ListPagination } from "../../components/ListPagination";
import { EnumField, StatusField } from "../../components/EnumField";
import { EnumArrayInput, SlugFilterInput, upper } from "../../components/inputs";
import { LocalDateField } from "../../components/LocalDateField";
import { useCsvExporter } from "../../components/useCsvExporter";
import { dayColumn, enumColumn, textColumn } from "../../data/csv";
import { MAX_LIST_ROWS } from "../../data/data-provider";
import { BulkArchiveButton, BulkPublishButton, BulkUnpublishButton } from "./BulkButtons";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumArrayInput key="type" source="type" enumName="ProgramType" />,
  <EnumArrayInput key="audience" source="audience" enumName="Audience" />,
  <EnumArrayInput key="country" source="country" enumName="Country" />,
  <TextInput key="region" source="region" parse={upper} />,
  <SlugFilterInput
    key="specialty"
    source="specialty"
    reference="specialties"
    label="resources.programs.fields.specialty"
  />,
  <SlugFilterInput
    key="institution"
    source="institution"
    reference="institutions"
    label="resources.programs.fields.institution"
  />,
  <SlugFilterInput key="pathway" source="pathway" reference="pathways" label="resources.programs.fields.pathway" />,
  <EnumArrayInput key="status" source="status" enumName="ListingStatus" />,
  <NullableBooleanInput key="dueForReview" source="dueForReview" />,
  <NullableBooleanInput key="translationStale" source="translationStale" />,
];

/** The CSV export: the columns of the list below, with names and labels (not ids or enum values). */
const CSV_COLUMNS = [
  textColumn("title", "resources.programs.fields.title"),
  textColumn("institution.name", "resources.programs.fields.institution"),
  enumColumn("type", "ProgramType", "resources.programs.fields.type"),
  enumColumn("status", "ListingStatus", "resources.programs.fields.status"),
  enumColumn("country", "Country", "resources.programs.fields.country"),
  textColumn("region", "resources.programs.fields.region"),
  dayColumn("lastVerifiedAt", "resources.programs.fields.lastVerifiedAt"),
];

function Actions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton />
      {/* Every row the filters select, in the list's order (the data provider reads them 100 at a time). */}
      <ExportButton maxResults={MAX_LIST_ROWS} />
    </TopToolbar>
  );
}

const bulkActions = (
  <>
    <BulkPublishButton />
    <BulkUnpublishButton />
    <BulkArchiveButton />
  </>
);

/** The programs list: search, filters, sortable columns; editors publish or archive in bulk. */
export default function ProgramList() {
  const { canAccess: canEdit } = useCanAccess({ resource: "programs", action: "edit" });
  const exporter = useCsvExporter("programs", CSV_COLUMNS);
  return (
    <List
      exporter={exporter}
      filters={filters}
      actions={<Actions />}
      sort={{ field: "title", order: "ASC" }}
      perPage={25}
      pagination={<ListPagination />}
      empty={<EmptyState />}
    >
      <Datagrid
        rowClick={canEdit ? "edit" : "show"}
        bulkActionButtons={canEdit ? bulkActions : false}
        data-testid="programs"
      >
        <TextField source="title" />
        <TextField
          source="institution.name"
          label="resources.programs.fields.institution"
          sortBy="institution.name"
          emptyText="—"
        />
        <EnumField source="type" enumName="ProgramType" />
        <StatusField source="status" label="resources.programs.fields.status" sortBy="status" />
        <EnumField source="country" enumName="Country" sortable={false} />
        <TextField source="region" sortable={false} emptyText="—" />
        <LocalDateField source="lastVerifiedAt" emptyText="directory.values.never" />
      </Datagrid>
    </List>
  );
}
