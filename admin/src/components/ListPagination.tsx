import { Pagination } from "react-admin";

/** The page sizes every list offers; the data provider reads a page over 100 rows in several API pages. */
export const PAGE_SIZES = [10, 25, 50, 100];

export function ListPagination() {
  return <Pagination rowsPerPageOptions={PAGE_SIZES} />;
}
