import { SimpleFormIterator, SimpleFormIteratorClasses, type SimpleFormIteratorProps } from "react-admin";

/**
 * The rows of a list input (a program's requirements). react-admin shows each row's Remove button
 * only while the pointer hovers the row (CSS visibility), so a keyboard never reaches it and a
 * curator may not know it is there: here it is always visible, and so in the tab order.
 */
export function RowsIterator({ sx, ...props }: SimpleFormIteratorProps) {
  return (
    <SimpleFormIterator
      {...props}
      sx={[
        { [`& .${SimpleFormIteratorClasses.action}`]: { visibility: "visible" } },
        ...(Array.isArray(sx) ? sx : [sx]),
      ]}
    />
  );
}
