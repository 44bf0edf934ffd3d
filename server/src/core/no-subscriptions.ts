import { GraphQLError, OperationTypeNode, type ValidationRule } from "graphql";

/**
 * The schema has no Subscription type and the server no WebSocket transport: a `subscription`
 * operation is refused at validation (GRAPHQL_VALIDATION_FAILED, HTTP 400) with a message that
 * says so, instead of failing inside execution as an internal error.
 */
export const NoSubscriptionsRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== OperationTypeNode.SUBSCRIPTION) return;
    context.reportError(
      new GraphQLError(
        "Subscriptions are not supported: this API serves queries (GET or POST /graphql) and mutations (POST) only",
        {
          nodes: [node],
        },
      ),
    );
  },
});
