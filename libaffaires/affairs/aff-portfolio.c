/* aff-portfolio.c: the root that owns everything and is saved as one document
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-error-private.h"
#include "aff-enum-types.h"
#include "aff-portfolio-private.h"
#include "aff-policy-private.h"
#include "aff-clients-private.h"
#include "aff-bidding-private.h"
#include "aff-offers-private.h"
#include "aff-affair-private.h"
#include "aff-planning-private.h"
#include "aff-language-private.h"
#include "aff-finance-private.h"
#include "aff-rex-private.h"

/**
 * AffPortfolio:
 *
 * The root of everything a responsable d'affaires manages: the company
 * [class@Aff.Policy], the clients and prospects ([class@Aff.Client]) and the
 * [class@Aff.Journal] of every change. It is the unit of persistence: one
 * JSON document (see `docs/format.md`), loaded strictly and saved atomically.
 *
 * Collections are [iface@Gio.ListModel]s, so a GTK application can bind them
 * and Python can iterate them. Every change made through the portfolio or its
 * entities is journaled with the actor and the clock set here.
 *
 * The client-portfolio engine lives here too: who is due for follow-up at a
 * date ([method@Aff.Portfolio.list_clients_due_for_follow_up]) and how the
 * portfolio developed over a period ([method@Aff.Portfolio.compute_development]).
 */

struct _AffPortfolio
{
  GObject parent_instance;

  char *name;
  AffPolicy *policy;
  AffJournal *journal;
  GListStore *clients;
  GHashTable *clients_by_id;     /* id → AffClient (borrowed from the store) */
  GHashTable *interaction_ids;   /* ids of every recorded interaction */
  GListStore *consultations;
  GHashTable *consultations_by_id;
  /* The consultations again, borrowed: each evaluation walks them all,
   * and a GListStore's walk is a GSequence's. */
  GPtrArray *consultation_array;
  /* Client id (the first consultation's string) → its consultations,
   * borrowed: the duplicates of a new one are among its client's. A
   * consultation keeps its client and stays in the portfolio. */
  GHashTable *consultations_by_client;
  GListStore *offers;
  GHashTable *offers_by_id;
  GListStore *affairs;
  GHashTable *affairs_by_id;
  GPtrArray *affair_array;       /* the affairs again, borrowed: read by the dashboard's threads */
  AffTrack track;
  /* How a store reads every ledger it left to read in one pass. */
  AffPortfolioLedgersReader ledgers_reader;
  gpointer ledgers_reader_data;
  GDestroyNotify ledgers_reader_destroy;
};

G_DEFINE_FINAL_TYPE (AffPortfolio, aff_portfolio, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_POLICY,
  PROP_JOURNAL,
  PROP_ACTOR,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

enum {
  CONSULTATION_EVALUATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
aff_portfolio_dispose (GObject *object)
{
  AffPortfolio *self = AFF_PORTFOLIO (object);

  /* Dropping the stores rather than emptying them: items-changed during
   * disposal would call into bindings while they collect garbage. */
  g_hash_table_remove_all (self->clients_by_id);
  g_hash_table_remove_all (self->consultations_by_id);
  g_hash_table_remove_all (self->offers_by_id);
  g_hash_table_remove_all (self->affairs_by_id);
  g_ptr_array_set_size (self->affair_array, 0);
  g_ptr_array_set_size (self->consultation_array, 0);
  g_hash_table_remove_all (self->consultations_by_client);
  if (self->offers != NULL)
    {
      guint i, n = g_list_model_get_n_items (G_LIST_MODEL (self->offers));

      for (i = 0; i < n; i++)
        {
          g_autoptr(AffOffer) offer = g_list_model_get_item (G_LIST_MODEL (self->offers), i);

          /* An offer a binding still holds must not point into a portfolio
           * that is going away. */
          g_signal_handlers_disconnect_by_data (offer, self);
          _aff_offer_attach (offer, NULL, NULL, NULL, self->journal);
        }
    }
  g_clear_object (&self->offers);
  if (self->affairs != NULL)
    {
      guint i, n = g_list_model_get_n_items (G_LIST_MODEL (self->affairs));

      /* Likewise an affair: it borrows its consultation and the policy. */
      for (i = 0; i < n; i++)
        {
          g_autoptr(AffAffair) affair = g_list_model_get_item (G_LIST_MODEL (self->affairs), i);
          _aff_affair_attach (affair, self->journal, NULL, NULL, NULL, NULL);
        }
    }
  g_clear_object (&self->affairs);
  g_clear_object (&self->clients);
  g_clear_object (&self->consultations);
  g_clear_object (&self->policy);
  _aff_portfolio_set_ledgers_reader (self, NULL, NULL, NULL);

  G_OBJECT_CLASS (aff_portfolio_parent_class)->dispose (object);
}

static void
aff_portfolio_finalize (GObject *object)
{
  AffPortfolio *self = AFF_PORTFOLIO (object);

  g_free (self->name);
  g_clear_object (&self->clients);
  g_hash_table_unref (self->clients_by_id);
  g_hash_table_unref (self->interaction_ids);
  g_hash_table_unref (self->consultations_by_id);
  g_hash_table_unref (self->offers_by_id);
  g_hash_table_unref (self->affairs_by_id);
  g_ptr_array_unref (self->affair_array);
  g_ptr_array_unref (self->consultation_array);
  g_hash_table_unref (self->consultations_by_client);
  _aff_track_clear (&self->track);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (aff_portfolio_parent_class)->finalize (object);
}

static void
aff_portfolio_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AffPortfolio *self = AFF_PORTFOLIO (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_POLICY:
      g_value_set_object (value, self->policy);
      break;
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, aff_journal_get_actor (self->journal));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_portfolio_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AffPortfolio *self = AFF_PORTFOLIO (object);

  switch (prop_id)
    {
    case PROP_NAME:
      aff_portfolio_set_name (self, g_value_get_string (value));
      break;
    case PROP_ACTOR:
      aff_portfolio_set_actor (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_portfolio_notify (GObject    *object,
                      GParamSpec *pspec)
{
  if (pspec == props[PROP_NAME])
    _aff_track_property (&AFF_PORTFOLIO (object)->track, "changed", object, pspec);
}

static void
aff_portfolio_class_init (AffPortfolioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aff_portfolio_dispose;
  object_class->finalize = aff_portfolio_finalize;
  object_class->get_property = aff_portfolio_get_property;
  object_class->set_property = aff_portfolio_set_property;
  object_class->notify = aff_portfolio_notify;

  /**
   * AffPortfolio:name:
   *
   * A name for the portfolio: the person, team or agency it belongs to.
   */
  props[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AffPortfolio:policy:
   *
   * The company's directives.
   */
  props[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL, AFF_TYPE_POLICY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * AffPortfolio:journal:
   *
   * The history of every change.
   */
  props[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, AFF_TYPE_JOURNAL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * AffPortfolio:actor:
   *
   * Who makes the changes journaled from now on.
   */
  props[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, props);

  /**
   * AffPortfolio::consultation-evaluated:
   * @self: the portfolio
   * @evaluation: the evaluation, before it is returned
   *
   * Emitted by [method@Aff.Portfolio.evaluate_consultation] once the
   * evaluation is computed and recorded, so that other modules can add to it
   * (the lessons of similar past affairs, with
   * [method@Aff.BidEvaluation.add_lesson]).
   */
  signals[CONSULTATION_EVALUATED] =
    g_signal_new ("consultation-evaluated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AFF_TYPE_BID_EVALUATION);
}

static void
aff_portfolio_init (AffPortfolio *self)
{
  self->journal = aff_journal_new ();
  self->policy = aff_policy_new ();
  _aff_policy_attach (self->policy, self->journal);
  self->clients = g_list_store_new (AFF_TYPE_CLIENT);
  self->clients_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->interaction_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->consultations = g_list_store_new (AFF_TYPE_CONSULTATION);
  self->consultations_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->offers = g_list_store_new (AFF_TYPE_OFFER);
  self->offers_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->affairs = g_list_store_new (AFF_TYPE_AFFAIR);
  self->affairs_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->affair_array = g_ptr_array_new ();
  self->consultation_array = g_ptr_array_new ();
  self->consultations_by_client = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  _aff_track_attach (&self->track, self->journal, "portfolio", "portfolio", NULL, NULL);
}

/**
 * aff_portfolio_new:
 *
 * Creates an empty portfolio with the default policy.
 *
 * Returns: (transfer full): a new portfolio
 */
AffPortfolio *
aff_portfolio_new (void)
{
  return g_object_new (AFF_TYPE_PORTFOLIO, NULL);
}

/**
 * aff_portfolio_get_name:
 * @self: a portfolio
 *
 * Gets the portfolio's name.
 *
 * Returns: (nullable): the portfolio's name
 */
const char *
aff_portfolio_get_name (AffPortfolio *self)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  return self->name;
}

/**
 * aff_portfolio_set_name:
 * @self: a portfolio
 * @name: (nullable): a name
 *
 * Names the portfolio.
 */
void
aff_portfolio_set_name (AffPortfolio *self,
                        const char   *name)
{
  g_return_if_fail (AFF_IS_PORTFOLIO (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_NAME]);
}

/**
 * aff_portfolio_get_policy:
 * @self: a portfolio
 *
 * Gets the company's directives.
 *
 * Returns: (transfer none): the company's directives
 */
AffPolicy *
aff_portfolio_get_policy (AffPortfolio *self)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  return self->policy;
}

/**
 * aff_portfolio_get_journal:
 * @self: a portfolio
 *
 * Gets the history of every change.
 *
 * Returns: (transfer none): the history of every change
 */
AffJournal *
aff_portfolio_get_journal (AffPortfolio *self)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  return self->journal;
}

/**
 * aff_portfolio_get_actor:
 * @self: a portfolio
 *
 * Gets who makes the changes journaled from now on.
 *
 * Returns: (nullable): who makes the changes journaled from now on
 */
const char *
aff_portfolio_get_actor (AffPortfolio *self)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  return aff_journal_get_actor (self->journal);
}

/**
 * aff_portfolio_set_actor:
 * @self: a portfolio
 * @actor: (nullable): a person or system name; %NULL for the login name
 *
 * Sets who makes the changes journaled from now on.
 */
void
aff_portfolio_set_actor (AffPortfolio *self,
                         const char   *actor)
{
  g_return_if_fail (AFF_IS_PORTFOLIO (self));

  if (g_strcmp0 (aff_journal_get_actor (self->journal), actor) == 0)
    return;
  aff_journal_set_actor (self->journal, actor);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ACTOR]);
}

/**
 * aff_portfolio_set_clock:
 * @self: a portfolio
 * @func: (nullable) (scope notified) (closure user_data) (destroy destroy):
 *   the clock, or %NULL for the system's UTC clock
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * Sets where journal timestamps come from; see [method@Aff.Journal.set_clock].
 */
void
aff_portfolio_set_clock (AffPortfolio   *self,
                         AffClockFunc    func,
                         gpointer        user_data,
                         GDestroyNotify  destroy)
{
  g_return_if_fail (AFF_IS_PORTFOLIO (self));
  aff_journal_set_clock (self->journal, func, user_data, destroy);
}

/**
 * aff_portfolio_set_fixed_time:
 * @self: a portfolio
 * @now: (nullable): the instant every new journal entry will carry, or %NULL
 *   for the system clock
 *
 * Stops the journal's clock; see [method@Aff.Journal.set_fixed_time].
 */
void
aff_portfolio_set_fixed_time (AffPortfolio *self,
                              GDateTime    *now)
{
  g_return_if_fail (AFF_IS_PORTFOLIO (self));
  aff_journal_set_fixed_time (self->journal, now);
}

/**
 * aff_portfolio_get_clients:
 * @self: a portfolio
 *
 * Gets a list model of [class@Aff.Client], in the order they were added.
 *
 * Returns: (transfer none): a list model of [class@Aff.Client], in the order
 *   they were added
 */
GListModel *
aff_portfolio_get_clients (AffPortfolio *self)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  return G_LIST_MODEL (self->clients);
}

/**
 * aff_portfolio_lookup_client:
 * @self: a portfolio
 * @id: a client id
 *
 * Gets the client with @id, or %NULL.
 *
 * Returns: (transfer none) (nullable): the client with @id, or %NULL
 */
AffClient *
aff_portfolio_lookup_client (AffPortfolio *self,
                             const char   *id)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->clients_by_id, id);
}

static AffClient *
require_client (AffPortfolio  *self,
                const char    *id,
                GError       **error)
{
  AffClient *client = g_hash_table_lookup (self->clients_by_id, id);

  if (client == NULL)
    g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND,
                 _("the portfolio has no client “%s”"), id);
  return client;
}

static void
insert_client (AffPortfolio *self,
               AffClient    *client)
{
  GListModel *interactions = aff_client_get_interactions (client);
  guint i, n = g_list_model_get_n_items (interactions);

  g_list_store_append (self->clients, client);
  g_hash_table_insert (self->clients_by_id, (gpointer) aff_client_get_id (client), client);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffInteraction) interaction = g_list_model_get_item (interactions, i);
      g_hash_table_add (self->interaction_ids, g_strdup (aff_interaction_get_id (interaction)));
    }
  _aff_client_attach (client, self->journal);
}

/**
 * aff_portfolio_add_client:
 * @self: a portfolio
 * @client: a client not yet in a portfolio
 * @error: return location for a #GError
 *
 * Adds a client or prospect to the portfolio and journals it, with all its
 * fields and contacts as they are then. From then on its changes are
 * journaled too.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_DUPLICATE_ID or
 *   %AFF_ERROR_INVALID_VALUE (malformed id, empty name) set otherwise
 */
gboolean
aff_portfolio_add_client (AffPortfolio  *self,
                          AffClient     *client,
                          GError       **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) snapshot = NULL;
  const char *id;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (AFF_IS_CLIENT (client), FALSE);

  id = aff_client_get_id (client);
  if (!_aff_id_is_valid (id))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("“%s” is not a valid client id: use 1 to 64 bytes without spaces"),
                        id), FALSE;
  if (*aff_client_get_name (client) == '\0')
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("client %s has no name"), id), FALSE;
  if (g_hash_table_contains (self->clients_by_id, id))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID,
                        _("the portfolio already has a client “%s”"), id), FALSE;
  g_return_val_if_fail (g_list_model_get_n_items (aff_client_get_interactions (client)) == 0, FALSE);

  /* The entry holds the client as it comes in, so that the journal alone
   * tells its whole history from the first day. */
  builder = json_builder_new ();
  _aff_client_to_json (client, builder);
  snapshot = json_builder_get_root (builder);
  details = json_node_dup_object (snapshot);

  insert_client (self, client);
  _aff_journal_record (self->journal, "client", id, "added", details);
  return TRUE;
}

/**
 * aff_portfolio_remove_client:
 * @self: a portfolio
 * @id: a client id
 * @error: return location for a #GError
 *
 * Removes a client. Its history stays in the journal. Refused while another
 * client names it as its parent company, a consultation is from it or an
 * affair is for it.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_NOT_FOUND or
 *   %AFF_ERROR_IN_USE set and nothing changed otherwise
 */
gboolean
aff_portfolio_remove_client (AffPortfolio  *self,
                             const char    *id,
                             GError       **error)
{
  AffClient *client;
  GListModel *interactions;
  guint i, n, position;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if ((client = require_client (self, id, error)) == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->clients));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffClient) other = g_list_model_get_item (G_LIST_MODEL (self->clients), i);

      if (g_strcmp0 (aff_client_get_parent_id (other), id) == 0)
        return g_set_error (error, AFF_ERROR, AFF_ERROR_IN_USE,
                            _("client %s cannot be removed: client %s names it as its parent company"),
                            id, aff_client_get_id (other)), FALSE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->consultations));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffConsultation) consultation = g_list_model_get_item (G_LIST_MODEL (self->consultations), i);

      if (g_strcmp0 (aff_consultation_get_client_id (consultation), id) == 0)
        return g_set_error (error, AFF_ERROR, AFF_ERROR_IN_USE,
                            _("client %s cannot be removed: consultation %s is from it"),
                            id, aff_consultation_get_id (consultation)), FALSE;
    }
  /* An affair keeps its client: a document may give it another client than
   * its consultation's. */
  for (i = 0; i < self->affair_array->len; i++)
    {
      AffAffair *affair = g_ptr_array_index (self->affair_array, i);

      if (strcmp (aff_affair_get_client_id (affair), id) == 0)
        return g_set_error (error, AFF_ERROR, AFF_ERROR_IN_USE, _("client %s cannot be removed: affair %s is for it"),
                            id, aff_affair_get_id (affair)), FALSE;
    }

  g_object_ref (client);
  interactions = aff_client_get_interactions (client);
  n = g_list_model_get_n_items (interactions);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffInteraction) interaction = g_list_model_get_item (interactions, i);
      g_hash_table_remove (self->interaction_ids, aff_interaction_get_id (interaction));
    }
  g_hash_table_remove (self->clients_by_id, id);
  if (g_list_store_find (self->clients, client, &position))
    g_list_store_remove (self->clients, position);
  _aff_journal_record (self->journal, "client", aff_client_get_id (client), "removed", NULL);
  _aff_client_attach (client, NULL);
  g_object_unref (client);
  return TRUE;
}

static const char *
find_cycle (AffPortfolio *self,
            const char   *client_id,
            const char   *parent_id)
{
  const char *current = parent_id;
  guint steps = 0, limit = g_hash_table_size (self->clients_by_id);

  while (current != NULL && steps++ <= limit)
    {
      AffClient *parent;

      if (strcmp (current, client_id) == 0)
        return current;
      parent = g_hash_table_lookup (self->clients_by_id, current);
      current = parent ? aff_client_get_parent_id (parent) : NULL;
    }
  return NULL;
}

/**
 * aff_portfolio_set_client_parent:
 * @self: a portfolio
 * @client_id: the id of a client
 * @parent_id: (nullable): the id of its parent company, or %NULL for none
 * @error: return location for a #GError
 *
 * Links a site or subsidiary to its parent company (group), both in the
 * portfolio.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_NOT_FOUND or
 *   %AFF_ERROR_INVALID_VALUE (a client cannot be its own ancestor) set and
 *   nothing changed otherwise
 */
gboolean
aff_portfolio_set_client_parent (AffPortfolio  *self,
                                 const char    *client_id,
                                 const char    *parent_id,
                                 GError       **error)
{
  AffClient *client;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (client_id != NULL, FALSE);

  if ((client = require_client (self, client_id, error)) == NULL)
    return FALSE;
  if (parent_id != NULL && require_client (self, parent_id, error) == NULL)
    return FALSE;
  if (parent_id != NULL && find_cycle (self, client_id, parent_id) != NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("client %s cannot have %s as parent company: %s would be its own parent"),
                        client_id, parent_id, client_id), FALSE;
  _aff_client_set_parent_id (client, parent_id);
  return TRUE;
}

/**
 * aff_portfolio_record_interaction:
 * @self: a portfolio
 * @client_id: the id of the client it was held with
 * @interaction: an interaction not yet recorded
 * @error: return location for a #GError
 *
 * Records a commercial action in the client's history, gives it an id
 * (`<client id>-<n>`) and journals it.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_NOT_FOUND (unknown client
 *   or contact) or %AFF_ERROR_INVALID_VALUE (already recorded) set and nothing
 *   changed otherwise
 */
gboolean
aff_portfolio_record_interaction (AffPortfolio    *self,
                                  const char      *client_id,
                                  AffInteraction  *interaction,
                                  GError         **error)
{
  AffClient *client;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (client_id != NULL, FALSE);
  g_return_val_if_fail (AFF_IS_INTERACTION (interaction), FALSE);

  if ((client = require_client (self, client_id, error)) == NULL)
    return FALSE;
  if (!_aff_client_add_interaction (client, interaction, self->interaction_ids, error))
    return FALSE;
  g_hash_table_add (self->interaction_ids, g_strdup (aff_interaction_get_id (interaction)));
  return TRUE;
}

/**
 * aff_portfolio_get_follow_up_days:
 * @self: a portfolio
 * @client: a client
 *
 * The cadence at which @client should be contacted: its own
 * [property@Aff.Client:follow-up-days] when set, otherwise the policy's for
 * its status.
 *
 * Returns: days between two contacts; 0 for a lost client
 */
guint
aff_portfolio_get_follow_up_days (AffPortfolio *self,
                                  AffClient    *client)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), 0);
  g_return_val_if_fail (AFF_IS_CLIENT (client), 0);

  if (aff_client_get_status (client) == AFF_CLIENT_STATUS_LOST)
    return 0;
  if (aff_client_get_follow_up_days (client) > 0)
    return aff_client_get_follow_up_days (client);
  switch (aff_client_get_status (client))
    {
    case AFF_CLIENT_STATUS_PROSPECT:
      return aff_policy_get_follow_up_days_prospect (self->policy);
    case AFF_CLIENT_STATUS_ACTIVE:
      return aff_policy_get_follow_up_days_active (self->policy);
    case AFF_CLIENT_STATUS_DORMANT:
      return aff_policy_get_follow_up_days_dormant (self->policy);
    case AFF_CLIENT_STATUS_LOST:
    default:
      g_return_val_if_reached (0);
    }
}

/**
 * aff_portfolio_get_follow_up_date:
 * @self: a portfolio
 * @client: a client
 * @date: (out caller-allocates): where to store the follow-up date
 *
 * When @client should next be contacted: the date of its last interaction
 * plus its cadence ([method@Aff.Portfolio.get_follow_up_days]), or the next
 * action date that last interaction set, whichever comes first.
 *
 * Returns: %TRUE with @date set; %FALSE for a lost client or one never
 *   contacted (which has no date to count from, and is always due)
 */
gboolean
aff_portfolio_get_follow_up_date (AffPortfolio *self,
                                  AffClient    *client,
                                  GDate        *date)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (AFF_IS_CLIENT (client), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  return _aff_client_get_follow_up_date (client, aff_portfolio_get_follow_up_days (self, client), date);
}

typedef struct
{
  AffClient *client;
  GDate due;        /* invalid when never contacted */
} DueClient;

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const DueClient *da = a, *db = b;
  gboolean va = g_date_valid (&da->due), vb = g_date_valid (&db->due);
  int order;

  if (va != vb)
    return va ? 1 : -1;
  if (va && (order = g_date_compare (&da->due, &db->due)) != 0)
    return order;
  return strcmp (aff_client_get_id (da->client), aff_client_get_id (db->client));
}

/**
 * aff_portfolio_list_clients_due_for_follow_up:
 * @self: a portfolio
 * @date: the day of the review
 *
 * The clients to contact on @date: those never contacted, and those whose
 * follow-up date ([method@Aff.Portfolio.get_follow_up_date]) has come. Lost
 * clients are left out.
 *
 * Returns: (transfer container) (element-type AffClient): the clients, never
 *   contacted first, then by follow-up date, then by id
 */
GPtrArray *
aff_portfolio_list_clients_due_for_follow_up (AffPortfolio *self,
                                              const GDate  *date)
{
  g_autoptr(GArray) due = NULL;
  GPtrArray *result;
  guint i, n;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  due = g_array_new (FALSE, FALSE, sizeof (DueClient));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->clients));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffClient) client = g_list_model_get_item (G_LIST_MODEL (self->clients), i);
      DueClient item = { client, { 0 } };

      if (aff_client_get_status (client) == AFF_CLIENT_STATUS_LOST)
        continue;
      if (aff_portfolio_get_follow_up_date (self, client, &item.due) &&
          g_date_compare (&item.due, date) > 0)
        continue;
      g_array_append_val (due, item);
    }
  g_array_sort (due, compare_due);

  result = g_ptr_array_new_full (due->len, g_object_unref);
  for (i = 0; i < due->len; i++)
    g_ptr_array_add (result, g_object_ref (g_array_index (due, DueClient, i).client));
  return result;
}

/**
 * aff_portfolio_compute_development:
 * @self: a portfolio
 * @from: the first day of the period
 * @to: the last day of the period
 * @error: return location for a #GError
 *
 * How the client portfolio developed over a period; see
 * [func@Aff.DevelopmentFigures.compute].
 *
 * Returns: (transfer full): the figures, or %NULL with
 *   %AFF_ERROR_INVALID_VALUE set
 */
AffDevelopmentFigures *
aff_portfolio_compute_development (AffPortfolio  *self,
                                   const GDate   *from,
                                   const GDate   *to,
                                   GError       **error)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  return aff_development_figures_compute (G_LIST_MODEL (self->clients), from, to, error);
}

/* ---- Consultations and the go / no-go ----------------------------------- */

/**
 * aff_portfolio_get_consultations:
 * @self: a portfolio
 *
 * Gets the consultations.
 *
 * Returns: (transfer none): a list model of [class@Aff.Consultation], in the
 *   order they were added
 */
GListModel *
aff_portfolio_get_consultations (AffPortfolio *self)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  return G_LIST_MODEL (self->consultations);
}

/**
 * aff_portfolio_lookup_consultation:
 * @self: a portfolio
 * @id: a consultation id
 *
 * Looks a consultation up by id.
 *
 * Returns: (transfer none) (nullable): the consultation, or %NULL
 */
AffConsultation *
aff_portfolio_lookup_consultation (AffPortfolio *self,
                                   const char   *id)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->consultations_by_id, id);
}

static AffConsultation *
require_consultation (AffPortfolio  *self,
                      const char    *id,
                      GError       **error)
{
  AffConsultation *consultation = g_hash_table_lookup (self->consultations_by_id, id);

  if (consultation == NULL)
    g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND,
                 _("the portfolio has no consultation “%s”"), id);
  return consultation;
}

/* The words of a title that carry meaning: three letters or more, folded to
 * lower-case ASCII so that accents and case do not matter. */
static GHashTable *
title_words (const char *title)
{
  g_autofree char *folded = g_str_to_ascii (title, "C");
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *p, *start = NULL;

  for (p = folded; ; p++)
    {
      if (*p != '\0' && g_ascii_isalnum (*p))
        {
          *p = g_ascii_tolower (*p);
          if (start == NULL)
            start = p;
          continue;
        }
      if (start != NULL && p - start >= 3)
        g_hash_table_add (words, g_strndup (start, p - start));
      start = NULL;
      if (*p == '\0')
        break;
    }
  return words;
}

static gboolean
titles_alike (const char *a,
              const char *b)
{
  g_autoptr(GHashTable) wa = title_words (a);
  g_autoptr(GHashTable) wb = title_words (b);
  GHashTableIter iter;
  gpointer word;
  guint common = 0, united;

  g_hash_table_iter_init (&iter, wa);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_hash_table_contains (wb, word))
      common++;
  united = g_hash_table_size (wa) + g_hash_table_size (wb) - common;
  return united > 0 && 2 * common >= united;
}

static gboolean
possible_duplicate (AffConsultation *a,
                    AffConsultation *b)
{
  return a != b &&
         g_strcmp0 (aff_consultation_get_client_id (a), aff_consultation_get_client_id (b)) == 0 &&
         ABS (g_date_days_between (aff_consultation_get_received (a), aff_consultation_get_received (b))) <= 30 &&
         titles_alike (aff_consultation_get_title (a), aff_consultation_get_title (b));
}

static GPtrArray *
find_duplicates (AffPortfolio    *self,
                 AffConsultation *consultation)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *same_client = g_hash_table_lookup (self->consultations_by_client,
                                                aff_consultation_get_client_id (consultation));
  guint i;

  for (i = 0; same_client != NULL && i < same_client->len; i++)
    {
      AffConsultation *other = g_ptr_array_index (same_client, i);

      if (possible_duplicate (consultation, other))
        g_ptr_array_add (result, g_object_ref (other));
    }
  return result;
}

/* Takes @consultation into the portfolio's list, array and tables. */
static void
take_consultation (AffPortfolio    *self,
                   AffConsultation *consultation)
{
  const char *client_id = aff_consultation_get_client_id (consultation);
  GPtrArray *same_client = g_hash_table_lookup (self->consultations_by_client, client_id);

  if (same_client == NULL)
    g_hash_table_insert (self->consultations_by_client, (gpointer) client_id, same_client = g_ptr_array_new ());
  g_ptr_array_add (same_client, consultation);
  g_list_store_append (self->consultations, consultation);
  g_ptr_array_add (self->consultation_array, consultation);
  g_hash_table_insert (self->consultations_by_id, (gpointer) aff_consultation_get_id (consultation), consultation);
}

/**
 * aff_portfolio_add_consultation:
 * @self: a portfolio
 * @consultation: a consultation not yet in a portfolio
 * @error: return location for a #GError
 *
 * Adds a consultation of a client of the portfolio and journals it, with the
 * possible duplicates already there (same client, received within 30 days,
 * titles sharing at least half their words). Duplicates are reported, never
 * merged: [method@Aff.Portfolio.list_possible_duplicates] lists them.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_NOT_FOUND (unknown client),
 *   %AFF_ERROR_DUPLICATE_ID or %AFF_ERROR_INVALID_VALUE (malformed id, empty
 *   title, deadline before the received date) set and nothing changed
 */
gboolean
aff_portfolio_add_consultation (AffPortfolio     *self,
                                AffConsultation  *consultation,
                                GError          **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) snapshot = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  JsonObject *details;
  JsonArray *ids;
  const char *id;
  guint i;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (AFF_IS_CONSULTATION (consultation), FALSE);

  id = aff_consultation_get_id (consultation);
  if (!_aff_id_is_valid (id))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("“%s” is not a valid consultation id: use 1 to 64 bytes without spaces"),
                        id), FALSE;
  if (g_hash_table_contains (self->consultations_by_id, id))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID,
                        _("the portfolio already has a consultation “%s”"), id), FALSE;
  if (require_client (self, aff_consultation_get_client_id (consultation), error) == NULL)
    return FALSE;
  if (*aff_consultation_get_title (consultation) == '\0')
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("consultation %s has no title"), id), FALSE;
  if (g_date_compare (aff_consultation_get_deadline (consultation),
                      aff_consultation_get_received (consultation)) < 0)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("consultation %s: the deadline is before the day it was received"), id), FALSE;
  g_return_val_if_fail (aff_consultation_get_state (consultation) == AFF_CONSULTATION_STATE_RECEIVED, FALSE);

  builder = json_builder_new ();
  _aff_consultation_to_json (consultation, builder);
  snapshot = json_builder_get_root (builder);
  details = json_node_dup_object (snapshot);
  duplicates = find_duplicates (self, consultation);
  ids = json_array_new ();
  for (i = 0; i < duplicates->len; i++)
    json_array_add_string_element (ids, aff_consultation_get_id (g_ptr_array_index (duplicates, i)));
  json_object_set_array_member (details, "possible_duplicates", ids);

  take_consultation (self, consultation);
  _aff_journal_record (self->journal, "consultation", id, "added", details);
  _aff_consultation_attach (consultation, self->journal);
  return TRUE;
}

/**
 * aff_portfolio_list_possible_duplicates:
 * @self: a portfolio
 * @consultation_id: a consultation id
 *
 * Lists the other consultations that may be the same request: same client,
 * received at most 30 days apart, titles sharing at least half their words
 * (of three letters or more, case and accents ignored).
 *
 * Returns: (transfer container) (element-type AffConsultation): the possible
 *   duplicates, in the order they were added; empty for an unknown id
 */
GPtrArray *
aff_portfolio_list_possible_duplicates (AffPortfolio *self,
                                        const char   *consultation_id)
{
  AffConsultation *consultation;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (consultation_id != NULL, NULL);

  consultation = g_hash_table_lookup (self->consultations_by_id, consultation_id);
  if (consultation == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  return find_duplicates (self, consultation);
}

static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  AffConsultation *ca = *(AffConsultation * const *) a, *cb = *(AffConsultation * const *) b;
  int order = g_date_compare (aff_consultation_get_deadline (ca), aff_consultation_get_deadline (cb));

  return order ? order : strcmp (aff_consultation_get_id (ca), aff_consultation_get_id (cb));
}

static GPtrArray *
select_consultations (AffPortfolio *self,
                      gboolean    (*keep) (AffConsultation *, gconstpointer),
                      gconstpointer data)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (self->consultations));

  for (i = 0; i < n; i++)
    {
      g_autoptr(AffConsultation) consultation = g_list_model_get_item (G_LIST_MODEL (self->consultations), i);

      if (keep (consultation, data))
        g_ptr_array_add (result, g_object_ref (consultation));
    }
  g_ptr_array_sort (result, compare_deadlines);
  return result;
}

static gboolean
keep_open (AffConsultation *consultation,
           gconstpointer    data)
{
  return aff_consultation_is_open (consultation);
}

/**
 * aff_portfolio_list_open_consultations:
 * @self: a portfolio
 *
 * Lists the consultations that await an outcome, the most urgent first.
 *
 * Returns: (transfer container) (element-type AffConsultation): the open
 *   consultations, by deadline then id
 */
GPtrArray *
aff_portfolio_list_open_consultations (AffPortfolio *self)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  return select_consultations (self, keep_open, NULL);
}

static gboolean
keep_due (AffConsultation *consultation,
          gconstpointer    data)
{
  AffConsultationState state = aff_consultation_get_state (consultation);

  return (state == AFF_CONSULTATION_STATE_RECEIVED || state == AFF_CONSULTATION_STATE_QUALIFYING) &&
         g_date_compare (aff_consultation_get_deadline (consultation), data) <= 0;
}

/**
 * aff_portfolio_list_consultations_due:
 * @self: a portfolio
 * @date: the day of the review
 *
 * Lists the consultations still undecided whose deadline falls within the
 * policy's warning days after @date, or has passed.
 *
 * Returns: (transfer container) (element-type AffConsultation): the
 *   consultations, by deadline then id
 */
GPtrArray *
aff_portfolio_list_consultations_due (AffPortfolio *self,
                                      const GDate  *date)
{
  GDate horizon;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  horizon = *date;
  g_date_add_days (&horizon, aff_policy_get_deadline_warning_days (self->policy));
  return select_consultations (self, keep_due, &horizon);
}

/* The lessons of similar past affairs, at most five, with the evaluation:
 * those of the same client, activities and words of the title. */
static void
show_lessons (AffPortfolio     *self,
              AffConsultation  *consultation,
              AffBidEvaluation *evaluation)
{
  g_autoptr(AffLessonQuery) query = aff_lesson_query_new (aff_consultation_get_client_id (consultation),
                                                          aff_consultation_get_activities (consultation), NULL,
                                                          aff_consultation_get_title (consultation));
  g_autoptr(GPtrArray) lessons = aff_portfolio_find_lessons (self, query);
  guint lang = _aff_language_index (aff_policy_get_language (self->policy)), i;

  for (i = 0; i < lessons->len && i < 5; i++)
    {
      g_autofree char *text = _aff_lesson_describe (g_ptr_array_index (lessons, i), lang);

      aff_bid_evaluation_add_lesson (evaluation, text);
    }
}

/**
 * aff_portfolio_evaluate_consultation:
 * @self: a portfolio
 * @consultation_id: the id of a received or qualifying consultation
 * @date: the day of the evaluation
 * @error: return location for a #GError
 *
 * Evaluates the go / no-go of a consultation (see
 * [class@Aff.BidEvaluation]), records its verdict, score and date on the
 * consultation, journals it, and emits
 * [signal@Aff.Portfolio::consultation-evaluated]. The evaluation shows the
 * five most relevant lessons of similar past affairs
 * ([method@Aff.Portfolio.find_lessons], for the consultation's client,
 * activities and title): "affair : lesson (reasons)". The affairs of the
 * same client or sharing an activity whose REX was validated by @date
 * correct the "margin" criterion: their mean erosion from the offer's
 * margin rate to the final one is taken off the expected margin (a mean
 * gain is not added, by prudence), and their mean final margin rate stands
 * for an expected margin not estimated. The "win-rate" criterion counts
 * the won and lost consultations of the same client or activities.
 *
 * Returns: (transfer full): the evaluation, or %NULL with
 *   %AFF_ERROR_NOT_FOUND, %AFF_ERROR_INVALID_TRANSITION (already decided) or
 *   another error of [func@Aff.BidEvaluation.compute] set
 */
AffBidEvaluation *
aff_portfolio_evaluate_consultation (AffPortfolio  *self,
                                     const char    *consultation_id,
                                     const GDate   *date,
                                     GError       **error)
{
  g_autoptr(AffBidEvaluation) evaluation = NULL;
  g_autoptr(GArray) precedents = NULL;
  AffConsultation *consultation;
  AffConsultationState state;
  AffClient *client;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (consultation_id != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  if ((consultation = require_consultation (self, consultation_id, error)) == NULL)
    return NULL;
  state = aff_consultation_get_state (consultation);
  if (state != AFF_CONSULTATION_STATE_RECEIVED && state != AFF_CONSULTATION_STATE_QUALIFYING)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                        _("consultation %s is past its go / no-go"), consultation_id), NULL;
  if (g_date_valid (date) && g_date_compare (date, _aff_consultation_get_last_change_date (consultation)) < 0)
    {
      g_autofree char *last = aff_date_to_iso (_aff_consultation_get_last_change_date (consultation));

      return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                          _("consultation %s cannot be evaluated on a day before its last change (%s)"),
                          consultation_id, last), NULL;
    }
  if ((client = require_client (self, aff_consultation_get_client_id (consultation), error)) == NULL)
    return NULL;
  if (g_date_valid (date))
    precedents = _aff_portfolio_margin_precedents (self, consultation, date);
  evaluation = _aff_bid_evaluation_compute (consultation, client, self->policy,
                                            (AffConsultation * const *) self->consultation_array->pdata,
                                            self->consultation_array->len, precedents, date, error);
  if (evaluation == NULL)
    return NULL;
  _aff_consultation_set_evaluation (consultation, evaluation);
  show_lessons (self, consultation, evaluation);
  g_signal_emit (self, signals[CONSULTATION_EVALUATED], 0, evaluation);
  return g_steal_pointer (&evaluation);
}

/**
 * aff_portfolio_decide_consultation:
 * @self: a portfolio
 * @consultation_id: the id of an evaluated, qualifying consultation
 * @verdict: %AFF_BID_VERDICT_GO or %AFF_BID_VERDICT_NO_GO
 * @decided_by: (nullable): who decides; required
 * @justification: (nullable): why; required when going against the evaluation
 * @error: return location for a #GError
 *
 * Records the go / no-go decision, dated by the latest evaluation; see
 * [method@Aff.Portfolio.decide_consultation_at].
 *
 * Returns: %TRUE on success; %FALSE with @error set and nothing changed
 */
gboolean
aff_portfolio_decide_consultation (AffPortfolio   *self,
                                   const char     *consultation_id,
                                   AffBidVerdict   verdict,
                                   const char     *decided_by,
                                   const char     *justification,
                                   GError        **error)
{
  AffConsultation *consultation;
  GDate date;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (consultation_id != NULL, FALSE);

  if ((consultation = require_consultation (self, consultation_id, error)) == NULL)
    return FALSE;
  if (!aff_consultation_get_evaluation (consultation, NULL, NULL, &date))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                        _("consultation %s is not evaluated: evaluate it before deciding"),
                        consultation_id), FALSE;
  return aff_portfolio_decide_consultation_at (self, consultation_id, verdict, decided_by,
                                               justification, &date, error);
}

/**
 * aff_portfolio_decide_consultation_at:
 * @self: a portfolio
 * @consultation_id: the id of an evaluated, qualifying consultation
 * @verdict: %AFF_BID_VERDICT_GO or %AFF_BID_VERDICT_NO_GO
 * @decided_by: (nullable): who decides; required
 * @justification: (nullable): why; required when going against the evaluation
 * @date: the day of the decision
 * @error: return location for a #GError
 *
 * Records the go / no-go decision: the consultation moves to GO or NO_GO.
 * A decision that goes against the evaluation's GO or NO_GO needs a
 * justification and is flagged in the journal (`against_evaluation`); after
 * a REVIEW, either decision is the management's to take.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_NOT_FOUND,
 *   %AFF_ERROR_INVALID_TRANSITION (not qualifying, not evaluated) or
 *   %AFF_ERROR_INVALID_VALUE (REVIEW given, no decider, an unjustified
 *   override, a date before the last change) set and nothing changed
 */
gboolean
aff_portfolio_decide_consultation_at (AffPortfolio   *self,
                                      const char     *consultation_id,
                                      AffBidVerdict   verdict,
                                      const char     *decided_by,
                                      const char     *justification,
                                      const GDate    *date,
                                      GError        **error)
{
  AffConsultation *consultation;
  AffBidVerdict evaluated;
  gboolean against;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (consultation_id != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if ((consultation = require_consultation (self, consultation_id, error)) == NULL)
    return FALSE;
  if (aff_consultation_get_state (consultation) != AFF_CONSULTATION_STATE_QUALIFYING)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                        _("consultation %s can be decided only while qualifying"), consultation_id), FALSE;
  if (!aff_consultation_get_evaluation (consultation, &evaluated, NULL, NULL))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_TRANSITION,
                        _("consultation %s is not evaluated: evaluate it before deciding"),
                        consultation_id), FALSE;
  if (verdict != AFF_BID_VERDICT_GO && verdict != AFF_BID_VERDICT_NO_GO)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("consultation %s: a decision is GO or NO_GO"), consultation_id), FALSE;
  if (decided_by == NULL || *decided_by == '\0')
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("consultation %s: the decision must say who takes it"), consultation_id), FALSE;
  against = evaluated != AFF_BID_VERDICT_REVIEW && evaluated != verdict;
  if (against && (justification == NULL || *justification == '\0'))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("consultation %s: deciding against the evaluation needs a justification"),
                        consultation_id), FALSE;
  if (!_aff_consultation_change_state (consultation,
                                       verdict == AFF_BID_VERDICT_GO ? AFF_CONSULTATION_STATE_GO
                                                                     : AFF_CONSULTATION_STATE_NO_GO,
                                       date, justification, error))
    return FALSE;
  _aff_consultation_set_decision (consultation, verdict, decided_by, justification, against, date);
  return TRUE;
}

/**
 * aff_portfolio_compute_hit_rate:
 * @self: a portfolio
 * @client_id: (nullable): count only this client's consultations
 * @activity: (nullable): count only consultations that need this activity
 *
 * How often the company wins what it answers; see
 * [func@Aff.HitRate.compute].
 *
 * Returns: (transfer full): the hit rate
 */
AffHitRate *
aff_portfolio_compute_hit_rate (AffPortfolio *self,
                                const char   *client_id,
                                const char   *activity)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  return aff_hit_rate_compute (G_LIST_MODEL (self->consultations), client_id, activity);
}

/**
 * aff_portfolio_review_verdicts:
 * @self: a portfolio
 *
 * How the go / no-go verdicts compared with the outcomes; see
 * [func@Aff.VerdictReview.compute].
 *
 * Returns: (transfer full): the review
 */
AffVerdictReview *
aff_portfolio_review_verdicts (AffPortfolio *self)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  return aff_verdict_review_compute (G_LIST_MODEL (self->consultations));
}

/* ---- Offers ------------------------------------------------------------- */

/**
 * aff_portfolio_get_offers:
 * @self: a portfolio
 *
 * Gets the offers.
 *
 * Returns: (transfer none): a list model of [class@Aff.Offer], in the order
 *   they were added
 */
GListModel *
aff_portfolio_get_offers (AffPortfolio *self)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  return G_LIST_MODEL (self->offers);
}

/**
 * aff_portfolio_lookup_offer:
 * @self: a portfolio
 * @id: an offer id
 *
 * Looks an offer up by id.
 *
 * Returns: (transfer none) (nullable): the offer, or %NULL
 */
AffOffer *
aff_portfolio_lookup_offer (AffPortfolio *self,
                            const char   *id)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->offers_by_id, id);
}

static void
insert_affair (AffPortfolio *self,
               AffAffair    *affair)
{
  g_list_store_append (self->affairs, affair);
  g_hash_table_insert (self->affairs_by_id, (gpointer) aff_affair_get_id (affair), affair);
  g_ptr_array_add (self->affair_array, affair);
  _aff_affair_attach (affair, self->journal, self,
                      g_hash_table_lookup (self->clients_by_id, aff_affair_get_client_id (affair)),
                      g_hash_table_lookup (self->consultations_by_id, aff_affair_get_consultation_id (affair)),
                      self->policy);
}

/* The offer never reaches up to the portfolio: it says it was accepted, and
 * the portfolio, which owns both, turns it into an affair. */
static void
on_offer_accepted (AffOffer     *offer,
                   AffPortfolio *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AffAffair) affair = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) snapshot = NULL;
  AffConsultation *consultation = g_hash_table_lookup (self->consultations_by_id,
                                                       aff_offer_get_consultation_id (offer));

  affair = _aff_affair_new_from_offer (offer, aff_offer_get_current_revision (offer),
                                       aff_consultation_get_client_id (consultation), &error);
  /* The revision priced when it was sent, so pricing it again cannot fail. */
  g_return_if_fail (affair != NULL);
  insert_affair (self, affair);
  builder = json_builder_new ();
  _aff_affair_to_json (affair, builder);
  snapshot = json_builder_get_root (builder);
  _aff_journal_record (self->journal, "affair", aff_affair_get_id (affair), "created",
                       json_node_dup_object (snapshot));
}

static void
insert_offer (AffPortfolio *self,
              AffOffer     *offer)
{
  AffConsultation *consultation = g_hash_table_lookup (self->consultations_by_id,
                                                      aff_offer_get_consultation_id (offer));
  AffClient *client = consultation == NULL ? NULL :
    g_hash_table_lookup (self->clients_by_id, aff_consultation_get_client_id (consultation));

  g_signal_connect (offer, "accepted", G_CALLBACK (on_offer_accepted), self);
  g_list_store_append (self->offers, offer);
  g_hash_table_insert (self->offers_by_id, (gpointer) aff_offer_get_id (offer), offer);
  _aff_offer_attach (offer, client, consultation, self->policy, self->journal);
}

/**
 * aff_portfolio_add_offer:
 * @self: a portfolio
 * @offer: an offer not yet in a portfolio
 * @error: return location for a #GError
 *
 * Adds an offer answering a consultation of the portfolio, gives it its
 * first draft revision (A) priced with the portfolio's policy, and journals it.
 *
 * Returns: %TRUE on success; %FALSE with %AFF_ERROR_NOT_FOUND (unknown
 *   consultation), %AFF_ERROR_DUPLICATE_ID or %AFF_ERROR_INVALID_VALUE
 *   (malformed id) set and nothing changed
 */
gboolean
aff_portfolio_add_offer (AffPortfolio  *self,
                         AffOffer      *offer,
                         GError       **error)
{
  const char *id;
  JsonObject *details;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (AFF_IS_OFFER (offer), FALSE);

  id = aff_offer_get_id (offer);
  if (!_aff_id_is_valid (id))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("“%s” is not a valid offer id: use 1 to 64 bytes without spaces"), id), FALSE;
  if (g_hash_table_contains (self->offers_by_id, id))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_DUPLICATE_ID,
                        _("the portfolio already has an offer “%s”"), id), FALSE;
  if (require_consultation (self, aff_offer_get_consultation_id (offer), error) == NULL)
    return FALSE;
  g_return_val_if_fail (aff_offer_get_current_revision (offer) == NULL, FALSE);

  insert_offer (self, offer);
  details = json_object_new ();
  json_object_set_string_member (details, "consultation", aff_offer_get_consultation_id (offer));
  _aff_journal_record (self->journal, "offer", id, "added", details);
  return TRUE;
}

static int
compare_reminders (gconstpointer a,
                   gconstpointer b)
{
  const AffOfferReminder *ra = *(const AffOfferReminder * const *) a;
  const AffOfferReminder *rb = *(const AffOfferReminder * const *) b;
  int order = g_date_compare (aff_offer_reminder_get_due_date (ra), aff_offer_reminder_get_due_date (rb));

  return order ? order : strcmp (aff_offer_reminder_get_offer_id (ra), aff_offer_reminder_get_offer_id (rb));
}

/**
 * aff_portfolio_find_offers:
 * @self: a portfolio
 * @client_id: (nullable): only this client's offers
 * @state: (nullable): only offers in this state, by its nick (`sent`, `accepted`…)
 * @from: (nullable): only offers last sent on or after this day
 * @to: (nullable): only offers last sent on or before this day
 * @error: return location for a #GError
 *
 * Searches the offers. With a period, offers never sent are left out.
 *
 * Returns: (transfer container) (element-type AffOffer): the offers found,
 *   in the order they were added, or %NULL with %AFF_ERROR_INVALID_VALUE set
 *   for an unknown state
 */
GPtrArray *
aff_portfolio_find_offers (AffPortfolio  *self,
                           const char    *client_id,
                           const char    *state,
                           const GDate   *from,
                           const GDate   *to,
                           GError       **error)
{
  g_autoptr(GEnumClass) states = g_type_class_ref (AFF_TYPE_OFFER_STATE);
  GEnumValue *wanted = NULL;
  GPtrArray *result;
  guint i, n;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);

  if (state != NULL && (wanted = g_enum_get_value_by_nick (states, state)) == NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("“%s” is not an offer state"), state), NULL;
  result = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->offers));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffOffer) offer = g_list_model_get_item (G_LIST_MODEL (self->offers), i);
      AffConsultation *consultation = g_hash_table_lookup (self->consultations_by_id,
                                                           aff_offer_get_consultation_id (offer));
      GDate sent;

      if (client_id != NULL && g_strcmp0 (aff_consultation_get_client_id (consultation), client_id) != 0)
        continue;
      if (wanted != NULL && (int) aff_offer_get_state (offer) != wanted->value)
        continue;
      if ((from != NULL || to != NULL) &&
          (!aff_offer_get_sent_date (offer, &sent) ||
           (from != NULL && g_date_compare (&sent, from) < 0) ||
           (to != NULL && g_date_compare (&sent, to) > 0)))
        continue;
      g_ptr_array_add (result, g_object_ref (offer));
    }
  return result;
}

/**
 * aff_portfolio_compute_pipeline:
 * @self: a portfolio
 * @error: return location for a #GError
 *
 * The commercial pipeline of the portfolio's offers; see
 * [func@Aff.Pipeline.compute].
 *
 * Returns: (transfer full): the pipeline, or %NULL with @error set
 */
AffPipeline *
aff_portfolio_compute_pipeline (AffPortfolio  *self,
                                GError       **error)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  return aff_pipeline_compute (G_LIST_MODEL (self->offers), aff_policy_get_currency (self->policy), error);
}

/**
 * aff_portfolio_list_overallocations:
 * @self: a portfolio
 * @from: the first day
 * @to: the last day, inclusive
 * @error: return location for a #GError
 *
 * Lists the days from @from to @to a resource is asked more than it gives,
 * adding up the plans of every affair on the last schedule of each: the
 * same id in two plans is the same person, team or machine. Each day's
 * capacity is the one the first plan using the resource gives it.
 *
 * Returns: (transfer container) (element-type AffLoad): the overloaded
 *   days, by date then resource, or %NULL if the period is not valid
 */
GPtrArray *
aff_portfolio_list_overallocations (AffPortfolio  *self,
                                    const GDate   *from,
                                    const GDate   *to,
                                    GError       **error)
{
  g_autoptr(GHashTable) loads = NULL;
  GListModel *affairs;
  GPtrArray *list;
  guint i, n;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_date_compare (to, from) < 0)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                   _("The period of the overallocations ends before it starts"));
      return NULL;
    }
  loads = _aff_loads_new ();
  affairs = G_LIST_MODEL (self->affairs);
  n = g_list_model_get_n_items (affairs);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffAffair) affair = g_list_model_get_item (affairs, i);
      _aff_plan_add_loads (aff_affair_get_plan (affair), loads, NULL);
    }
  list = _aff_loads_sorted (loads, TRUE);
  for (i = list->len; i > 0; i--)
    {
      const GDate *day = aff_load_get_date (g_ptr_array_index (list, i - 1));

      if (g_date_compare (day, from) < 0 || g_date_compare (day, to) > 0)
        g_ptr_array_remove_index (list, i - 1);
    }
  return list;
}

AffAffair **
_aff_portfolio_peek_affairs (AffPortfolio *self,
                             guint        *n)
{
  *n = self->affair_array->len;
  return (AffAffair **) self->affair_array->pdata;
}

/**
 * aff_portfolio_get_affairs:
 * @self: a portfolio
 *
 * Gets the affairs: the contracts won.
 *
 * Returns: (transfer none): a list model of [class@Aff.Affair], in the order
 *   they were created
 */
GListModel *
aff_portfolio_get_affairs (AffPortfolio *self)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  return G_LIST_MODEL (self->affairs);
}

/**
 * aff_portfolio_lookup_affair:
 * @self: a portfolio
 * @id: an affair id
 *
 * Looks an affair up by id.
 *
 * Returns: (transfer none) (nullable): the affair, or %NULL
 */
AffAffair *
aff_portfolio_lookup_affair (AffPortfolio *self,
                             const char   *id)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->affairs_by_id, id);
}

/**
 * aff_portfolio_list_offer_reminders:
 * @self: a portfolio
 * @date: the day of the review
 *
 * Lists the sent offers to chase on @date, by the policy's cadence: a first
 * and a second reminder after sending, one a few days before the validity
 * ends, and the offers past their validity, to expire or renew. A commercial
 * interaction with the client on or after a reminder's due date clears it.
 *
 * Returns: (transfer container) (element-type AffOfferReminder): the
 *   reminders, by due date then offer id
 */
GPtrArray *
aff_portfolio_list_offer_reminders (AffPortfolio *self,
                                    const GDate  *date)
{
  GPtrArray *result;
  guint i, n;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_offer_reminder_free);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->offers));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffOffer) offer = g_list_model_get_item (G_LIST_MODEL (self->offers), i);
      AffConsultation *consultation;
      AffClient *client;
      const GDate *validity;
      GDate sent, dues[3];
      guint offsets[2], k;
      int best = -1;

      if (aff_offer_get_state (offer) != AFF_OFFER_STATE_SENT || !aff_offer_get_sent_date (offer, &sent))
        continue;
      validity = aff_offer_revision_get_validity (aff_offer_get_current_revision (offer));
      if (validity != NULL && g_date_compare (date, validity) > 0)
        {
          GDate after = *validity;

          g_date_add_days (&after, 1);
          g_ptr_array_add (result, _aff_offer_reminder_new (aff_offer_get_id (offer), AFF_REMINDER_KIND_EXPIRED, &after));
          continue;
        }
      consultation = g_hash_table_lookup (self->consultations_by_id, aff_offer_get_consultation_id (offer));
      client = g_hash_table_lookup (self->clients_by_id, aff_consultation_get_client_id (consultation));
      offsets[0] = aff_policy_get_offer_reminder_days (self->policy);
      offsets[1] = aff_policy_get_offer_second_reminder_days (self->policy);
      for (k = 0; k < 3; k++)
        {
          g_date_clear (&dues[k], 1);
          if (k < 2 && offsets[k] > 0)
            {
              dues[k] = sent;
              g_date_add_days (&dues[k], offsets[k]);
            }
          else if (k == 2 && validity != NULL && aff_policy_get_validity_warning_days (self->policy) > 0)
            {
              dues[k] = *validity;
              g_date_subtract_days (&dues[k], aff_policy_get_validity_warning_days (self->policy));
            }
          /* The latest reminder that fell due and was not followed up. */
          if (g_date_valid (&dues[k]) && g_date_compare (&dues[k], date) <= 0 &&
              !_aff_client_contacted_between (client, &dues[k], date) &&
              (best < 0 || g_date_compare (&dues[k], &dues[best]) >= 0))
            best = (int) k;
        }
      if (best >= 0)
        g_ptr_array_add (result, _aff_offer_reminder_new (aff_offer_get_id (offer), (AffReminderKind) best,
                                                          &dues[best]));
    }
  g_ptr_array_sort (result, compare_reminders);
  return result;
}

/* ---- The document ------------------------------------------------------ */

/**
 * aff_portfolio_to_data:
 * @self: a portfolio
 * @length: (out) (optional): the length of the document in bytes
 *
 * Writes the portfolio as a JSON document (see `docs/format.md`). The same
 * portfolio always gives the same bytes.
 *
 * Returns: (transfer full): the document, UTF-8, ending with a newline
 */
char *
aff_portfolio_to_data (AffPortfolio *self,
                       gsize        *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *text;
  guint i, n;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);

  json_builder_begin_object (builder);
  aff_json_add_string (builder, "format", AFF_PORTFOLIO_FORMAT_NAME);
  aff_json_add_int (builder, "version", AFF_PORTFOLIO_FORMAT_VERSION);
  aff_json_add_string (builder, "name", self->name);
  json_builder_set_member_name (builder, "policy");
  _aff_policy_to_json (self->policy, builder);
  json_builder_set_member_name (builder, "clients");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->clients));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffClient) client = g_list_model_get_item (G_LIST_MODEL (self->clients), i);
      _aff_client_to_json (client, builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "consultations");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->consultations));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffConsultation) consultation = g_list_model_get_item (G_LIST_MODEL (self->consultations), i);
      _aff_consultation_to_json (consultation, builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "offers");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->offers));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffOffer) offer = g_list_model_get_item (G_LIST_MODEL (self->offers), i);
      _aff_offer_to_json (offer, builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "affairs");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->affairs));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AffAffair) affair = g_list_model_get_item (G_LIST_MODEL (self->affairs), i);
      _aff_affair_to_json (affair, builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "journal");
  _aff_journal_to_json (self->journal, builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = g_string_new (NULL);
  json_generator_to_gstring (generator, text);
  aff_json_escape_generated (text);
  g_string_append_c (text, '\n');
  if (length != NULL)
    *length = text->len;
  return g_string_free (text, FALSE);
}

static gboolean
check_references (AffPortfolio  *self,
                  AffJsonReader *reader,
                  GError       **error)
{
  guint i, n = g_list_model_get_n_items (G_LIST_MODEL (self->clients));

  for (i = 0; i < n; i++)
    {
      g_autoptr(AffClient) client = g_list_model_get_item (G_LIST_MODEL (self->clients), i);
      const char *parent_id = aff_client_get_parent_id (client);
      gsize mark;
      gboolean ok = TRUE;

      if (parent_id == NULL)
        continue;
      mark = aff_json_reader_push_member (reader, "clients");
      aff_json_reader_push_index (reader, i);
      if (!g_hash_table_contains (self->clients_by_id, parent_id))
        ok = aff_json_reader_fail_at (reader, "parent_id", error,
                                      _("expected the id of a client of the portfolio, not “%s”"),
                                      parent_id);
      else if (find_cycle (self, aff_client_get_id (client), parent_id) != NULL)
        ok = aff_json_reader_fail_at (reader, "parent_id", error,
                                      _("expected a parent that does not lead back to client %s"),
                                      aff_client_get_id (client));
      aff_json_reader_pop (reader, mark);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_client (AffJsonReader *reader,
             JsonNode      *element,
             guint          index,
             gpointer       data,
             GError       **error)
{
  AffPortfolio *self = data;
  g_autoptr(AffClient) client = _aff_client_from_json (reader, element, error);
  GListModel *interactions;
  guint j;

  if (client == NULL)
    return FALSE;
  if (g_hash_table_contains (self->clients_by_id, aff_client_get_id (client)))
    return aff_json_reader_fail_at (reader, "id", error,
                                    _("expected an id no other client has, not “%s”"),
                                    aff_client_get_id (client));
  interactions = aff_client_get_interactions (client);
  for (j = 0; j < g_list_model_get_n_items (interactions); j++)
    {
      g_autoptr(AffInteraction) interaction = g_list_model_get_item (interactions, j);

      if (g_hash_table_contains (self->interaction_ids, aff_interaction_get_id (interaction)))
        {
          gsize mark = aff_json_reader_push_member (reader, "interactions");

          aff_json_reader_push_index (reader, j);
          aff_json_reader_fail_at (reader, "id", error,
                                   _("expected an id no other interaction has, not “%s”"),
                                   aff_interaction_get_id (interaction));
          aff_json_reader_pop (reader, mark);
          return FALSE;
        }
    }
  insert_client (self, client);
  return TRUE;
}

static gboolean
read_consultation (AffJsonReader *reader,
                   JsonNode      *element,
                   guint          index,
                   gpointer       data,
                   GError       **error)
{
  AffPortfolio *self = data;
  g_autoptr(AffConsultation) consultation = _aff_consultation_from_json (reader, element, error);

  if (consultation == NULL)
    return FALSE;
  if (g_hash_table_contains (self->consultations_by_id, aff_consultation_get_id (consultation)))
    return aff_json_reader_fail_at (reader, "id", error,
                                    _("expected an id no other consultation has, not “%s”"),
                                    aff_consultation_get_id (consultation));
  if (!g_hash_table_contains (self->clients_by_id, aff_consultation_get_client_id (consultation)))
    return aff_json_reader_fail_at (reader, "client_id", error,
                                    _("expected the id of a client of the portfolio, not “%s”"),
                                    aff_consultation_get_client_id (consultation));
  take_consultation (self, consultation);
  _aff_consultation_attach (consultation, self->journal);
  return TRUE;
}

static gboolean
read_offer (AffJsonReader *reader,
            JsonNode      *element,
            guint          index,
            gpointer       data,
            GError       **error)
{
  AffPortfolio *self = data;
  g_autoptr(AffOffer) offer = _aff_offer_from_json (reader, element, error);

  if (offer == NULL)
    return FALSE;
  if (g_hash_table_contains (self->offers_by_id, aff_offer_get_id (offer)))
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id no other offer has, not “%s”"),
                                    aff_offer_get_id (offer));
  if (!g_hash_table_contains (self->consultations_by_id, aff_offer_get_consultation_id (offer)))
    return aff_json_reader_fail_at (reader, "consultation_id", error,
                                    _("expected the id of a consultation of the portfolio, not “%s”"),
                                    aff_offer_get_consultation_id (offer));
  insert_offer (self, offer);
  return TRUE;
}

static gboolean
read_affair (AffJsonReader *reader,
             JsonNode      *element,
             guint          index,
             gpointer       data,
             GError       **error)
{
  AffPortfolio *self = data;
  g_autoptr(AffAffair) affair = _aff_affair_from_json (reader, element, error);

  if (affair == NULL)
    return FALSE;
  if (g_hash_table_contains (self->affairs_by_id, aff_affair_get_id (affair)))
    return aff_json_reader_fail_at (reader, "id", error, _("expected an id no other affair has, not “%s”"),
                                    aff_affair_get_id (affair));
  if (!g_hash_table_contains (self->offers_by_id, aff_affair_get_offer_id (affair)))
    return aff_json_reader_fail_at (reader, "offer_id", error,
                                    _("expected the id of an offer of the portfolio, not “%s”"),
                                    aff_affair_get_offer_id (affair));
  if (!g_hash_table_contains (self->consultations_by_id, aff_affair_get_consultation_id (affair)))
    return aff_json_reader_fail_at (reader, "consultation_id", error,
                                    _("expected the id of a consultation of the portfolio, not “%s”"),
                                    aff_affair_get_consultation_id (affair));
  if (!g_hash_table_contains (self->clients_by_id, aff_affair_get_client_id (affair)))
    return aff_json_reader_fail_at (reader, "client_id", error,
                                    _("expected the id of a client of the portfolio, not “%s”"),
                                    aff_affair_get_client_id (affair));
  insert_affair (self, affair);
  return TRUE;
}

static guint
position_of (GListModel *list,
             gpointer    item)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (list, i);

      if (other == item)
        return i;
    }
  return n;
}

/* Whether what the journal sealed (a revision when it was sent, what an
 * affair's close-out froze) is still what the portfolio holds; FALSE with
 * AFF_ERROR_TAMPERED naming the first that is not, by its JSON path. */
static gboolean
check_seals (AffPortfolio  *self,
             GError       **error)
{
  AffJournal *journal = self->journal;
  guint n = aff_journal_get_n_entries (journal);

  for (guint i = 0; i < n; i++)
    {
      AffJournalEntry *entry = aff_journal_get_entry (journal, i);
      const char *kind, *action, *id;
      g_autofree char *seal = NULL, *now = NULL, *letter = NULL;

      if (entry == NULL)
        return _aff_journal_check_loaded (journal, error);
      kind = aff_journal_entry_get_entity_kind (entry);
      action = aff_journal_entry_get_action (entry);
      id = aff_journal_entry_get_entity_id (entry);
      if (!(strcmp (kind, "offer") == 0 && strcmp (action, "sent") == 0) &&
          !(strcmp (kind, "affair") == 0 && strcmp (action, "affair-closed") == 0))
        continue;
      if ((seal = aff_journal_entry_dup_detail (entry, "seal")) == NULL)
        continue;
      if (kind[0] == 'o')
        {
          AffOffer *offer = g_hash_table_lookup (self->offers_by_id, id);
          GListModel *revisions = offer != NULL ? aff_offer_get_revisions (offer) : NULL;
          guint j, n_revisions = revisions != NULL ? g_list_model_get_n_items (revisions) : 0;

          letter = aff_journal_entry_dup_detail (entry, "revision");
          for (j = 0; j < n_revisions; j++)
            {
              g_autoptr(AffOfferRevision) revision = g_list_model_get_item (revisions, j);

              if (g_strcmp0 (aff_offer_revision_get_letter (revision), letter) == 0)
                {
                  now = _aff_offer_revision_seal (revision);
                  break;
                }
            }
          if (g_strcmp0 (now, seal) != 0)
            return g_set_error (error, AFF_ERROR, AFF_ERROR_TAMPERED,
                                _("$.offers[%u].revisions[%u]: revision %s of offer %s is not the one sent "
                                  "(journal entry %" PRIu64 "): it was changed outside the library"),
                                offer != NULL ? position_of (G_LIST_MODEL (self->offers), offer) : 0, j,
                                letter != NULL ? letter : "?", id, aff_journal_entry_get_sequence (entry)), FALSE;
        }
      else
        {
          AffAffair *affair = g_hash_table_lookup (self->affairs_by_id, id);

          if (affair != NULL)
            now = _aff_affair_seal (affair);
          if (g_strcmp0 (now, seal) != 0)
            return g_set_error (error, AFF_ERROR, AFF_ERROR_TAMPERED,
                                _("$.affairs[%u]: affair %s is not as it was closed (journal entry %"
                                  PRIu64 "): it was changed outside the library"),
                                affair != NULL ? position_of (G_LIST_MODEL (self->affairs), affair) : 0, id,
                                aff_journal_entry_get_sequence (entry)), FALSE;
        }
    }
  return TRUE;
}

/**
 * aff_portfolio_verify:
 * @self: a portfolio
 * @error: return location for a #GError
 *
 * Checks that nothing was changed outside the library: the journal's chain
 * ([method@Aff.Journal.verify]), then that every offer revision sent and
 * every affair closed is still what the journal sealed when it was sent or
 * closed. A document is checked for the seals when it is loaded; a
 * [class@Aff.SqliteStore], which reads the journal only when needed, is
 * checked here.
 *
 * Returns: %TRUE if nothing was changed; %FALSE with %AFF_ERROR_TAMPERED
 *   naming the first entry or record at fault otherwise
 */
gboolean
aff_portfolio_verify (AffPortfolio  *self,
                      GError       **error)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), FALSE);

  return aff_journal_verify (self->journal, error) && check_seals (self, error);
}

/* The array @member of the document, from @object or, when the document
 * comes in elements, from @next. */
static gboolean
read_elements (AffJsonReader         *reader,
               JsonObject            *object,
               const char            *member,
               AffJsonElementFunc     func,
               AffPortfolio          *portfolio,
               AffPortfolioElements   next,
               gpointer               data,
               GError               **error)
{
  if (next == NULL)
    return aff_json_read_array (reader, object, member, func, portfolio, error);
  for (guint i = 0;; i++)
    {
      JsonNode *element = NULL;
      gsize mark;
      gboolean ok;

      if (!next (member, &element, data, error))
        return FALSE;
      if (element == NULL)
        return TRUE;
      mark = aff_json_reader_push_member (reader, member);
      aff_json_reader_push_index (reader, i);
      ok = func (reader, element, i, portfolio, error);
      aff_json_reader_pop (reader, mark);
      if (!ok)
        return FALSE;
    }
}

AffPortfolio *
_aff_portfolio_new_from_node (JsonNode  *root,
                              GError   **error)
{
  return _aff_portfolio_new_from_elements (root, NULL, NULL, error);
}

AffPortfolio *
_aff_portfolio_new_from_elements (JsonNode              *root,
                                  AffPortfolioElements   next,
                                  gpointer               data,
                                  GError               **error)
{
  static const char *const members[] = {
    "format", "version", "name", "policy", "clients", "consultations", "offers", "affairs", "journal", NULL
  };
  g_autoptr(AffPortfolio) portfolio = NULL;
  g_autoptr(AffPolicy) policy = NULL;
  g_autoptr(AffJournal) journal = NULL;
  g_autofree char *format = NULL;
  AffJsonReader reader;
  JsonObject *object, *policy_object, *journal_object;
  JsonNode *version_node;
  gint64 version = 0;
  gboolean ok;

  aff_json_reader_init (&reader);
  if (!(object = aff_json_expect_object (&reader, root, error)) ||
      !aff_json_get_string (&reader, object, "format", TRUE, &format, error))
    goto out;
  if (strcmp (format, AFF_PORTFOLIO_FORMAT_NAME) != 0)
    {
      aff_json_reader_fail_at (&reader, "format", error,
                               _("expected “%s”: this is not a libaffaires portfolio"),
                               AFF_PORTFOLIO_FORMAT_NAME);
      goto out;
    }
  /* The version is checked before anything else a newer format may have changed. */
  version_node = json_object_get_member (object, "version");
  if (version_node != NULL && JSON_NODE_HOLDS_VALUE (version_node) &&
      json_node_get_value_type (version_node) == G_TYPE_INT64 &&
      json_node_get_int (version_node) > AFF_PORTFOLIO_FORMAT_VERSION)
    {
      g_set_error (error, AFF_ERROR, AFF_ERROR_UNSUPPORTED_VERSION,
                   _("$.version: the document is in format version %" PRId64
                     ", newer than the version %d this library reads; update libaffaires"),
                   json_node_get_int (version_node), AFF_PORTFOLIO_FORMAT_VERSION);
      goto out;
    }
  if (!aff_json_get_int (&reader, object, "version", TRUE, 1, AFF_PORTFOLIO_FORMAT_VERSION,
                         &version, error) ||
      !aff_json_check_members (&reader, object, members, error) ||
      !aff_json_get_object (&reader, object, "policy", &policy_object, error) ||
      !aff_json_get_object (&reader, object, "journal", &journal_object, error))
    goto out;

  portfolio = aff_portfolio_new ();
  if (!aff_json_get_string (&reader, object, "name", FALSE, &portfolio->name, error))
    goto out;

  if (policy_object != NULL)
    {
      gsize mark = aff_json_reader_push_member (&reader, "policy");
      policy = _aff_policy_from_json (&reader, policy_object, error);
      aff_json_reader_pop (&reader, mark);
      if (policy == NULL)
        goto out;
      _aff_policy_attach (portfolio->policy, NULL);
      g_set_object (&portfolio->policy, policy);
      _aff_policy_attach (portfolio->policy, portfolio->journal);
    }

  if (journal_object != NULL)
    {
      gsize mark = aff_json_reader_push_member (&reader, "journal");
      journal = _aff_journal_from_json (&reader, journal_object, error);
      aff_json_reader_pop (&reader, mark);
      if (journal == NULL)
        goto out;
    }

  ok = read_elements (&reader, object, "clients", read_client, portfolio, next, data, error) &&
       check_references (portfolio, &reader, error) &&
       read_elements (&reader, object, "consultations", read_consultation, portfolio, next, data, error) &&
       read_elements (&reader, object, "offers", read_offer, portfolio, next, data, error) &&
       read_elements (&reader, object, "affairs", read_affair, portfolio, next, data, error);
  if (!ok)
    goto out;
  if (journal != NULL)
    _aff_journal_take_entries (portfolio->journal, journal);
  if (!check_seals (portfolio, error))
    goto out;

  aff_json_reader_clear (&reader);
  return g_steal_pointer (&portfolio);

out:
  aff_json_reader_clear (&reader);
  return NULL;
}

/**
 * aff_portfolio_new_from_data:
 * @data: a portfolio document
 * @length: the length of @data in bytes, or -1 when it is nul-terminated
 * @error: return location for a #GError
 *
 * Loads a portfolio from a JSON document, strictly: anything that is not a
 * valid document is refused with an error naming the JSON path and what was
 * expected there, such as
 * `$.clients[2].siren: expected 9 digits with a valid check digit`.
 * Hostile input (deep nesting, huge strings or numbers, invalid UTF-8) is
 * refused before parsing.
 *
 * Returns: (transfer full): the portfolio, or %NULL with
 *   %AFF_ERROR_INVALID_DOCUMENT or %AFF_ERROR_UNSUPPORTED_VERSION set
 */
AffPortfolio *
aff_portfolio_new_from_data (const char  *data,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  root = aff_json_parse (data ? data : "", length, error);
  if (root == NULL)
    return NULL;
  return _aff_portfolio_new_from_node (root, error);
}

/* Read here rather than by g_file_get_contents(), whose messages begin
 * with words rather than with the file. Memory stays bounded whatever the
 * file is (a pipe, a file that grows): past what the loader accepts,
 * reading stops. */
static gboolean
read_open_document (int          fd,
                    const char  *path,
                    char       **contents,
                    gsize       *length,
                    GError     **error)
{
  g_autofree char *buffer = NULL;
  gsize size = 0, capacity = 64 * 1024;
  struct stat st;

  if (fstat (fd, &st) != 0)
    return _aff_set_file_error_from_errno (error, path, errno), FALSE;
  /* Refuse before reading what the loader would refuse anyway; a regular
   * file is read whole in one call, the one byte more finding its end. */
  if (S_ISREG (st.st_mode))
    {
      if ((gsize) st.st_size > AFF_JSON_MAX_DOCUMENT)
        goto too_large;
      capacity = (gsize) st.st_size + 2;
    }
  buffer = g_malloc (capacity);
  for (;;)
    {
      gssize n;

      if (size + 1 == capacity)
        {
          capacity = MIN (capacity * 2, AFF_JSON_MAX_DOCUMENT + 2);
          buffer = g_realloc (buffer, capacity);
        }
      n = read (fd, buffer + size, capacity - size - 1);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return _aff_set_file_error_from_errno (error, path, errno), FALSE;
      if (n == 0)
        break;
      size += n;
      if (size > AFF_JSON_MAX_DOCUMENT)
        goto too_large;
    }
  buffer[size] = '\0';
  *contents = g_steal_pointer (&buffer);
  *length = size;
  return TRUE;

too_large:
  {
    g_autofree char *name = g_filename_display_name (path);

    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_DOCUMENT,
                        _("%s: the document is larger than 512 MiB"), name), FALSE;
  }
}

static gboolean
read_document (const char  *path,
               char       **contents,
               gsize       *length,
               GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return _aff_set_file_error_from_errno (error, path, errno), FALSE;
  ok = read_open_document (fd, path, contents, length, error);
  close (fd);
  return ok;
}

static AffPortfolio *
load_file (const char  *path,
           GError     **error)
{
  g_autofree char *contents = NULL;
  AffPortfolio *portfolio;
  gsize length;

  if (!read_document (path, &contents, &length, error))
    return NULL;
  /* Content errors begin with their JSON path: the file goes before it. */
  portfolio = aff_portfolio_new_from_data (contents, length, error);
  if (portfolio == NULL)
    _aff_prefix_file_error (error, path);
  return portfolio;
}

/**
 * aff_portfolio_new_from_file:
 * @path: (type filename): the path of a portfolio document
 * @error: return location for a #GError
 *
 * Loads a portfolio from a file; see [ctor@Aff.Portfolio.new_from_data].
 * Error messages start with @path.
 *
 * Returns: (transfer full): the portfolio, or %NULL with a #GFileError or an
 *   [error@Aff.Error] set
 */
AffPortfolio *
aff_portfolio_new_from_file (const char  *path,
                             GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return load_file (path, error);
}

/* Source tags: addresses of our own, since ISO C has no function-to-data cast. */
static char load_tag;
static char save_tag;

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  AffPortfolio *portfolio;

  if (g_task_return_error_if_cancelled (task))
    return;
  portfolio = load_file (task_data, &error);
  if (portfolio == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, portfolio, g_object_unref);
}

/**
 * aff_portfolio_new_from_file_async:
 * @path: (type filename): the path of a portfolio document
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the portfolio is loaded
 * @user_data: data for @callback
 *
 * Loads a portfolio from a file in a worker thread; finish with
 * [ctor@Aff.Portfolio.new_from_file_finish].
 */
void
aff_portfolio_new_from_file_async (const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_name (task, "aff_portfolio_new_from_file_async");
  g_task_set_source_tag (task, &load_tag);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * aff_portfolio_new_from_file_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Finishes [func@Aff.Portfolio.new_from_file_async].
 *
 * Returns: (transfer full): the portfolio, or %NULL with @error set
 */
AffPortfolio *
aff_portfolio_new_from_file_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           GError     **error)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                            "%s", g_strerror (errno)), FALSE;
      data += written;
      length -= written;
    }
  return TRUE;
}

/* Write a temporary file beside the target, flush it to disk, rename it over
 * the target and flush the folder, so that a crash at any instant leaves the
 * old document or the new one, never a mix. */
static gboolean
write_atomically (const char  *path,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autofree char *temp = g_strdup_printf ("%s.XXXXXX", path);
  g_autofree char *folder = g_path_get_dirname (path);
  struct stat st;
  gboolean exists = g_stat (path, &st) == 0;
  int fd, errsv, dir_fd;

  /* The rename replaces a file whatever its mode, and root may write any
   * file anyway: only the mode tells that the user protected the document,
   * so it is read before anything is made beside it. */
  if (exists && S_ISREG (st.st_mode) && (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    {
      g_autofree char *name = g_filename_display_name (path);

      return g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES,
                          _("%s: the file is read-only; nothing was saved"), name), FALSE;
    }
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      g_autofree char *name = NULL;

      errsv = errno;
      name = g_filename_display_name (path);
      return g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                          _("%s: cannot create a temporary file beside it: %s"),
                          name, g_strerror (errsv)), FALSE;
    }
  /* Keep the permissions the document had. */
  if (exists)
    (void) fchmod (fd, st.st_mode & 07777);
  else
    {
      mode_t mask = umask (0);
      umask (mask);
      (void) fchmod (fd, 0666 & ~mask);
    }

  if (!write_all (fd, data, length, error) || fsync (fd) != 0)
    {
      errsv = errno;
      if (error != NULL && *error == NULL)
        _aff_set_file_error_from_errno (error, path, errsv);
      else
        _aff_prefix_file_error (error, path);
      close (fd);
      g_unlink (temp);
      return FALSE;
    }
  if (close (fd) != 0 || g_rename (temp, path) != 0)
    {
      errsv = errno;
      g_unlink (temp);
      return _aff_set_file_error_from_errno (error, path, errsv), FALSE;
    }
  dir_fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      (void) fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

/* A ledger or a journal a store could not read holds nothing of it:
 * saving it would lose their lines or entries. */
static gboolean
check_ledgers (AffPortfolio  *self,
               GError       **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->affairs));

  if (!_aff_journal_check_loaded (self->journal, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AffAffair) affair = g_list_model_get_item (G_LIST_MODEL (self->affairs), i);

      if (!_aff_ledger_check_loaded (aff_affair_get_ledger (affair), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * aff_portfolio_save_to_file:
 * @self: a portfolio
 * @path: (type filename): where to save it
 * @error: return location for a #GError
 *
 * Saves the portfolio atomically and durably: a temporary file beside @path
 * is written and flushed, renamed over @path, and the folder flushed, so a
 * crash at any instant leaves the old document or the new one.
 *
 * A document nobody may write to (no write permission bit in its mode, as
 * `chmod a-w` leaves it) is not replaced, even by root: the save is refused
 * with %G_FILE_ERROR_ACCES and the document left as it is. Error messages
 * start with @path.
 *
 * Returns: %TRUE on success; %FALSE with a #GFileError set otherwise
 */
gboolean
aff_portfolio_save_to_file (AffPortfolio  *self,
                            const char    *path,
                            GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_ledgers (self, error))
    return FALSE;
  data = aff_portfolio_to_data (self, &length);
  return write_atomically (path, data, length, error);
}

typedef struct
{
  char *path;
  char *data;
  gsize length;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->path);
  g_free (job->data);
  g_free (job);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (write_atomically (job->path, job->data, job->length, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * aff_portfolio_save_to_file_async:
 * @self: a portfolio
 * @path: (type filename): where to save it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the portfolio is saved
 * @user_data: data for @callback
 *
 * Saves the portfolio like [method@Aff.Portfolio.save_to_file], writing in a
 * worker thread. The document is taken at the call, so later changes are not
 * in it.
 */
void
aff_portfolio_save_to_file_async (AffPortfolio        *self,
                                  const char          *path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SaveJob *job;

  g_return_if_fail (AFF_IS_PORTFOLIO (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  if (!check_ledgers (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job = g_new0 (SaveJob, 1);
  job->path = g_strdup (path);
  job->data = aff_portfolio_to_data (self, &job->length);
  g_task_set_name (task, "aff_portfolio_save_to_file_async");
  g_task_set_source_tag (task, &save_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_in_thread);
}

/**
 * aff_portfolio_save_to_file_finish:
 * @self: a portfolio
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Finishes [method@Aff.Portfolio.save_to_file_async].
 *
 * Returns: %TRUE if the portfolio was saved
 */
gboolean
aff_portfolio_save_to_file_finish (AffPortfolio  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_aff_portfolio_set_ledgers_reader (AffPortfolio              *self,
                                   AffPortfolioLedgersReader  reader,
                                   gpointer                   data,
                                   GDestroyNotify             destroy)
{
  gpointer old_data = self->ledgers_reader_data;
  GDestroyNotify old_destroy = self->ledgers_reader_destroy;

  self->ledgers_reader = reader;
  self->ledgers_reader_data = data;
  self->ledgers_reader_destroy = destroy;
  if (old_destroy != NULL)
    old_destroy (old_data);
}

void
_aff_portfolio_read_ledgers (AffPortfolio *self)
{
  AffPortfolioLedgersReader reader = self->ledgers_reader;
  gpointer data = self->ledgers_reader_data;
  GDestroyNotify destroy = self->ledgers_reader_destroy;
  guint i;

  if (reader == NULL)
    return;
  /* Once is enough: a store leaves ledgers to read only when it loads. */
  self->ledgers_reader = NULL;
  self->ledgers_reader_data = NULL;
  self->ledgers_reader_destroy = NULL;
  reader (self, data);
  if (destroy != NULL)
    destroy (data);
  /* What the pass could not read, each ledger reads alone, now: after this
   * no ledger is left to read, and threads may scan them all. */
  for (i = 0; i < self->affair_array->len; i++)
    _aff_ledger_check_loaded (aff_affair_get_ledger (g_ptr_array_index (self->affair_array, i)), NULL);
}
