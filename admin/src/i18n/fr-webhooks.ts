import type { webhookDirectoryLabels, webhookEnums, webhookResources } from "./en-webhooks";
import type { Translation } from "./messages";

/** The webhook screens' labels in French (merged into fr.ts), key for key those of en-webhooks.ts. */
export const webhookDirectoryLabelsFr = {
  webhooks: {
    secret_title: "Le secret de signature du point de terminaison",
    secret_help:
      "Copiez-le maintenant dans la configuration du destinataire : le répertoire ne l'affichera plus. Les destinataires vérifient avec lui la webhook-signature de chaque requête (Standard Webhooks).",
    secret_done: "Je l'ai conservé",
    copy: "Copier",
    copied: "Copié",
    rotate: "Nouveau secret",
    rotate_confirm_title: "Remplacer le secret de signature ?",
    rotate_confirm_content:
      "Les requêtes sont désormais signées avec le nouveau secret, y compris celles en attente ; le destinataire doit l'adopter.",
    deleted: "Point de terminaison supprimé",
    resend: "Renvoyer",
    resent: "Mis en file pour un nouvel envoi",
    deliveries: "Journal des envois",
    deliveries_empty: "Rien n'a encore été envoyé à ce point de terminaison.",
    url_help: "https://… Le répertoire y envoie (POST) chaque changement en JSON signé.",
    event_types_help: "Les types de changements publics à envoyer.",
    disabled_by_server: "Désactivé par le serveur %{at} : %{reason}",
    notice_title: "Envois de webhooks en échec",
    notice:
      "%{smart_count} point de terminaison a été désactivé après des envois répétés en échec |||| %{smart_count} points de terminaison ont été désactivés après des envois répétés en échec",
    notice_help: "Vérifiez le destinataire, puis réactivez le point de terminaison et renvoyez ce qu'il a manqué.",
  },
  empty: {
    webhooks:
      "Aucun point de terminaison pour l'instant. Ajoutez-en un pour que le répertoire envoie (POST) ses changements publics, signés, à un autre système.",
  },
} satisfies Translation<typeof webhookDirectoryLabels>;

export const webhookEnumsFr = {
  // The event names are the API's own identifiers: the same in every language.
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
  WebhookDeliveryStatus: { SUCCEEDED: "Réussi", FAILED: "Échoué" },
} satisfies Translation<typeof webhookEnums>;

export const webhookResourcesFr = {
  webhooks: {
    name: "Webhook |||| Webhooks",
    fields: {
      url: "URL du point de terminaison",
      description: "Description",
      eventTypes: "Événements",
      enabled: "Activé",
      disabledAt: "Désactivé par le serveur",
      disabledReason: "Raison",
      createdAt: "Créé",
      updatedAt: "Dernière modification",
    },
  },
  webhookDeliveries: {
    name: "Envoi |||| Envois",
    fields: {
      attemptedAt: "Quand",
      eventType: "Événement",
      messageId: "webhook-id",
      attempt: "Tentative",
      status: "Résultat",
      responseStatus: "Statut HTTP",
      durationMs: "Durée (ms)",
      error: "Erreur",
    },
  },
} satisfies Translation<typeof webhookResources>;
