/* aff-affair-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "aff-affair.h"
#include "aff-offers-private.h"
#include "aff-finance-private.h"
#include "aff-coordination.h"

G_BEGIN_DECLS

/* Here, not in aff-affair.c, for the statuses and dashboards of the
 * finance module, which read an affair's terms some thirty times an
 * affair: through its public getters, each a call and a type check, they
 * cost as much as the figures made from them. Read only; aff-affair.c
 * alone writes them, and journals each change. */
struct _AffAffair
{
  GObject parent_instance;

  char *id;
  char *client_id;
  char *consultation_id;
  char *offer_id;
  char *revision;
  char *contract_reference;
  GDate signed_date;
  AffMoney *contract_amount;
  int vat_rate;
  guint lead_time_days;
  guint payment_days;
  gboolean payment_end_of_month;
  int advance_rate;
  gboolean progress_billing;
  int retention_rate;
  GPtrArray *budget;          /* AffBudgetItem */
  AffMoney *budget_total;
  AffMoney *overheads;
  AffMoney *contingency;
  AffPlan *plan;
  AffFinance *finance;
  AffDossier *dossier;
  AffRex *rex;                /* NULL until drawn up */
  AffJournal *journal;        /* the one attached, for the REX drawn up later */
  AffClient *client;                    /* borrowed from the portfolio */
  AffConsultation *consultation;        /* borrowed from the portfolio */
  AffPolicy *policy;                    /* borrowed from the portfolio */
  AffPortfolio *portfolio;              /* the owner, for its lessons; borrowed */
};

AffAffair *_aff_affair_new_from_offer (AffOffer         *offer,
                                       AffOfferRevision *revision,
                                       const char       *client_id,
                                       GError          **error);
/* The affair borrows its client (for its name), its consultation (for its
 * risks), the policy (for the language of what it writes) and the
 * portfolio itself (for the lessons of past affairs) from the portfolio,
 * which clears them when it goes. */
void       _aff_affair_attach         (AffAffair        *self,
                                       AffJournal       *journal,
                                       AffPortfolio     *portfolio,
                                       AffClient        *client,
                                       AffConsultation  *consultation,
                                       AffPolicy        *policy);
AffFinance      *_aff_affair_get_finance      (AffAffair *self);
/* The affair's own budget items (AffBudgetItem), not a copy. */
GPtrArray       *_aff_affair_peek_budget      (AffAffair *self);
/* Asks the processor for what a status of the affair reads, in five
 * stages (0 to 4), each after the one before has had time to arrive: a
 * dashboard walks the affairs of a large portfolio, which lie all over
 * the heap, and waits on memory more than it computes. */
void             _aff_affair_prefetch         (AffAffair *self,
                                               guint      stage);
/* An item's amount in minor units, in the affair's currency. */
gint64           _aff_budget_item_get_minor   (const AffBudgetItem *self);
AffClient       *_aff_affair_get_client       (AffAffair *self);
AffPortfolio    *_aff_affair_get_portfolio    (AffAffair *self);
/* Takes a reference on @rex and attaches it to the affair's journal. */
void             _aff_affair_set_rex          (AffAffair *self,
                                               AffRex    *rex);
AffConsultation *_aff_affair_get_consultation (AffAffair *self);
AffPolicy       *_aff_affair_get_policy       (AffAffair *self);
/* The margins of the affairs like @consultation (same client or a shared
 * activity) whose REX was validated by @date: an array of
 * AffMarginPrecedent whose ids the portfolio owns. */
GArray    *_aff_portfolio_margin_precedents (AffPortfolio    *self,
                                             AffConsultation *consultation,
                                             const GDate     *date);
/* The dangerous work of the arrêté of 19 March 1993 in @work, in words of
 * the language @lang, joined by commas. */
char      *_aff_dangerous_work_text   (guint                     lang,
                                       AffRegulatoryFlags        work);
/* One sentence for an inspection issue, in the language @lang. */
char      *_aff_inspection_issue_text (guint                     lang,
                                       const AffInspectionIssue *issue);
void       _aff_affair_to_json        (AffAffair        *self,
                                       JsonBuilder      *builder);
/* The seal of what a close-out freezes: the ledger, progress, remaining
 * work, amendments, corrective actions, the close itself and the dossier
 * (not the invoices and payments, which the release of the retention and
 * the cash received still change, nor the plan, whose calendar and
 * resources may be shared). */
char      *_aff_affair_seal           (AffAffair        *self);
/* Without @with_ledger, the finance's "ledger" is left out. */
void       _aff_affair_write_json     (AffAffair        *self,
                                       JsonBuilder      *builder,
                                       gboolean          with_ledger);
AffAffair *_aff_affair_from_json      (AffJsonReader    *reader,
                                       JsonNode         *node,
                                       GError          **error);

G_END_DECLS
