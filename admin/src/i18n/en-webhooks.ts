/** The webhook screens' labels (merged into en.ts): kept apart so that en.ts stays readable. */
export const webhookDirectoryLabels = {
  webhooks: {
    secret_title: "The endpoint's signing secret",
    secret_help:
      "Copy it now into the receiver's configuration: the directory will not show it again. Receivers verify each request's webhook-signature with it (Standard Webhooks).",
    secret_done: "I have stored it",
    copy: "Copy",
    copied: "Copied",
    rotate: "New secret",
    rotate_confirm_title: "Replace the signing secret?",
    rotate_confirm_content:
      "Requests are signed with the new secret from now on, queued ones included; the receiver must switch to it.",
    deleted: "Webhook endpoint removed",
    resend: "Resend",
    resent: "Queued to be sent again",
    deliveries: "Delivery log",
    deliveries_empty: "Nothing sent to this endpoint yet.",
    url_help: "https://… The directory POSTs each change there as signed JSON.",
    event_types_help: "The kinds of public change to send.",
    disabled_by_server: "Disabled by the server %{at}: %{reason}",
    notice_title: "Webhook deliveries failing",
    notice:
      "%{smart_count} webhook endpoint was disabled after repeated failed deliveries |||| %{smart_count} webhook endpoints were disabled after repeated failed deliveries",
    notice_help: "Check the receiver, then enable the endpoint again and resend what it missed.",
  },
  empty: {
    webhooks:
      "No webhook endpoints yet. Add one to have the directory POST its public changes, signed, to another system.",
  },
};

export const webhookEnums = {
  WebhookEventType: {
    PROGRAM_CREATED: "program.created",
    PROGRAM_CHANGED: "program.changed",
    PROGRAM_REMOVED: "program.removed",
    INSTITUTION_CREATED: "institution.created",
    INSTITUTION_CHANGED: "institution.changed",
    INSTITUTION_REMOVED: "institution.removed",
    PATHWAY_CREATED: "pathway.created",
    PATHWAY_CHANGED: "pathway.changed",
    PATHWAY_REMOVED: "pathway.removed",
    REQUIREMENT_CREATED: "requirement.created",
    REQUIREMENT_CHANGED: "requirement.changed",
    REQUIREMENT_REMOVED: "requirement.removed",
    SPECIALTY_CREATED: "specialty.created",
    SPECIALTY_CHANGED: "specialty.changed",
    SPECIALTY_REMOVED: "specialty.removed",
  },
  WebhookDeliveryStatus: { SUCCEEDED: "Succeeded", FAILED: "Failed" },
};

export const webhookResources = {
  webhooks: {
    name: "Webhook |||| Webhooks",
    fields: {
      url: "Endpoint URL",
      description: "Description",
      eventTypes: "Events",
      enabled: "Enabled",
      disabledAt: "Disabled by the server",
      disabledReason: "Why",
      createdAt: "Created",
      updatedAt: "Last changed",
    },
  },
  webhookDeliveries: {
    name: "Delivery |||| Deliveries",
    fields: {
      attemptedAt: "When",
      eventType: "Event",
      messageId: "webhook-id",
      attempt: "Attempt",
      status: "Result",
      responseStatus: "HTTP status",
      durationMs: "Time (ms)",
      error: "Error",
    },
  },
};
