/* aff-offer-line.c: one priced line of an offer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-enum-types.h"
#include "aff-money-private.h"
#include "aff-offers-private.h"

/**
 * AffOfferLine:
 *
 * One line of an offer's cost build-up: a kind of cost
 * ([enum@Aff.LineKind]), what it is, an exact decimal quantity in a unit
 * ([enum@Aff.LineUnit]), a unit cost, the lot it belongs to and the
 * requirements of the client's specification it answers. Labour lines can
 * take their hourly cost from the policy's rate for a skill.
 *
 * A line's cost is its quantity times its unit cost, rounded once to the
 * minor unit, half to even.
 */

/* Quantities are whole thousandths: three decimals cover hours to the
 * minute's precision, metres to the millimetre, kilograms to the gram. */
#define MAX_THOUSANDTHS ((gint64) 1000000000000000)   /* 10^12 units */

struct _AffOfferLine
{
  GObject parent_instance;

  AffLineKind kind;
  char *description;
  gint64 quantity;            /* thousandths */
  AffLineUnit unit;
  AffMoney *unit_cost;
  char *skill;
  char *lot;
  char **requirements;
  gpointer revision;          /* the revision it belongs to, not a reference */
};

G_DEFINE_FINAL_TYPE (AffOfferLine, aff_offer_line, G_TYPE_OBJECT)

static void
aff_offer_line_finalize (GObject *object)
{
  AffOfferLine *self = AFF_OFFER_LINE (object);

  g_free (self->description);
  aff_money_free (self->unit_cost);
  g_free (self->skill);
  g_free (self->lot);
  g_strfreev (self->requirements);
  G_OBJECT_CLASS (aff_offer_line_parent_class)->finalize (object);
}

static void
aff_offer_line_class_init (AffOfferLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aff_offer_line_finalize;
}

static void
aff_offer_line_init (AffOfferLine *self)
{
  self->requirements = g_new0 (char *, 1);
}

gboolean
_aff_parse_quantity (const char  *text,
                     gint64      *thousandths)
{
  const char *p = text;
  gint64 value = 0;
  guint decimals = 0, digits = 0;

  if (text == NULL)
    return FALSE;
  for (; g_ascii_isdigit (*p); p++, digits++)
    {
      value = value * 10 + (*p - '0');
      if (value > MAX_THOUSANDTHS / 1000)
        return FALSE;
    }
  value *= 1000;
  if (*p == '.')
    {
      gint64 scale = 100;

      for (p++; g_ascii_isdigit (*p); p++, decimals++)
        {
          if (decimals == 3)
            return FALSE;
          value += (*p - '0') * scale;
          scale /= 10;
        }
      if (decimals == 0)
        return FALSE;
    }
  if (digits == 0 || *p != '\0' || value > MAX_THOUSANDTHS)
    return FALSE;
  *thousandths = value;
  return TRUE;
}

char *
_aff_format_quantity (gint64 thousandths)
{
  char *text = g_strdup_printf ("%" G_GINT64_FORMAT ".%03d", thousandths / 1000, (int) (thousandths % 1000));
  char *end = text + strlen (text) - 1;

  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return text;
}

static AffOfferLine *
line_new (AffLineKind      kind,
          const char      *description,
          const char      *quantity,
          AffLineUnit      unit,
          const AffMoney  *unit_cost,
          GError         **error)
{
  AffOfferLine *self;
  gint64 thousandths;

  if (!_aff_parse_quantity (quantity, &thousandths))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("line “%s”: “%s” is not a quantity written like 12.5 (at most 3 decimals)"),
                        description, quantity ? quantity : "(null)"), NULL;
  if (unit == AFF_LINE_UNIT_LUMP_SUM && thousandths != 1000)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("line “%s”: a lump sum has quantity 1"), description), NULL;
  if (aff_money_is_negative (unit_cost))
    return g_set_error (error, AFF_ERROR, AFF_ERROR_INVALID_VALUE,
                        _("line “%s”: a unit cost cannot be negative"), description), NULL;

  self = g_object_new (AFF_TYPE_OFFER_LINE, NULL);
  self->kind = kind;
  self->description = g_strdup (description);
  self->quantity = thousandths;
  self->unit = unit;
  self->unit_cost = aff_money_copy (unit_cost);
  return self;
}

/**
 * aff_offer_line_new:
 * @kind: the kind of cost
 * @description: what the line is
 * @quantity: an exact decimal quantity, such as `12.5` (at most 3 decimals)
 * @unit: the unit of @quantity
 * @unit_cost: the cost of one unit, excluding VAT
 * @error: return location for a #GError
 *
 * Creates a cost line.
 *
 * Returns: (transfer full): a new line, or %NULL with %AFF_ERROR_INVALID_VALUE
 *   set (malformed quantity, a lump sum whose quantity is not 1, a negative
 *   unit cost)
 */
AffOfferLine *
aff_offer_line_new (AffLineKind      kind,
                    const char      *description,
                    const char      *quantity,
                    AffLineUnit      unit,
                    const AffMoney  *unit_cost,
                    GError         **error)
{
  g_return_val_if_fail (description != NULL, NULL);
  g_return_val_if_fail (unit_cost != NULL, NULL);

  return line_new (kind, description, quantity, unit, unit_cost, error);
}

/**
 * aff_offer_line_new_labour:
 * @description: what the work is
 * @hours: an exact decimal number of hours
 * @skill: the skill, whose hourly rate the policy gives
 * @policy: the company's directives
 * @error: return location for a #GError
 *
 * Creates a labour line priced at the policy's hourly rate for @skill.
 *
 * Returns: (transfer full): a new line, or %NULL with %AFF_ERROR_NOT_FOUND
 *   (no rate for @skill) or %AFF_ERROR_INVALID_VALUE set
 */
AffOfferLine *
aff_offer_line_new_labour (const char  *description,
                           const char  *hours,
                           const char  *skill,
                           AffPolicy   *policy,
                           GError     **error)
{
  g_autoptr(AffMoney) rate = NULL;
  AffOfferLine *self;

  g_return_val_if_fail (description != NULL, NULL);
  g_return_val_if_fail (skill != NULL, NULL);
  g_return_val_if_fail (AFF_IS_POLICY (policy), NULL);

  rate = aff_policy_get_labour_rate (policy, skill);
  if (rate == NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND,
                        _("line “%s”: the policy has no labour rate for “%s”"), description, skill), NULL;
  self = line_new (AFF_LINE_KIND_LABOUR, description, hours, AFF_LINE_UNIT_HOUR, rate, error);
  if (self != NULL)
    self->skill = g_strdup (skill);
  return self;
}

/**
 * aff_offer_line_get_kind:
 * @self: a line
 *
 * Gets the kind of cost.
 *
 * Returns: the kind
 */
AffLineKind
aff_offer_line_get_kind (AffOfferLine *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_LINE (self), AFF_LINE_KIND_OTHER);
  return self->kind;
}

/**
 * aff_offer_line_get_description:
 * @self: a line
 *
 * Gets what the line is.
 *
 * Returns: the description
 */
const char *
aff_offer_line_get_description (AffOfferLine *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_LINE (self), NULL);
  return self->description;
}

/**
 * aff_offer_line_dup_quantity:
 * @self: a line
 *
 * Gets the quantity as decimal text, without trailing zeros (`12.5`).
 *
 * Returns: (transfer full): the quantity
 */
char *
aff_offer_line_dup_quantity (AffOfferLine *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_LINE (self), NULL);
  return _aff_format_quantity (self->quantity);
}

/**
 * aff_offer_line_get_quantity_thousandths:
 * @self: a line
 *
 * Gets the quantity in thousandths of its unit (12.5 is 12500).
 *
 * Returns: the quantity in thousandths
 */
gint64
aff_offer_line_get_quantity_thousandths (AffOfferLine *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_LINE (self), 0);
  return self->quantity;
}

/**
 * aff_offer_line_get_unit:
 * @self: a line
 *
 * Gets the unit of the quantity.
 *
 * Returns: the unit
 */
AffLineUnit
aff_offer_line_get_unit (AffOfferLine *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_LINE (self), AFF_LINE_UNIT_UNIT);
  return self->unit;
}

/**
 * aff_offer_line_get_unit_cost:
 * @self: a line
 *
 * Gets the cost of one unit.
 *
 * Returns: (transfer none): the unit cost
 */
const AffMoney *
aff_offer_line_get_unit_cost (AffOfferLine *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_LINE (self), NULL);
  return self->unit_cost;
}

/**
 * aff_offer_line_get_skill:
 * @self: a line
 *
 * Gets the skill of a labour line priced from the policy.
 *
 * Returns: (nullable): the skill
 */
const char *
aff_offer_line_get_skill (AffOfferLine *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_LINE (self), NULL);
  return self->skill;
}

/**
 * aff_offer_line_get_lot:
 * @self: a line
 *
 * Gets the lot or task the line belongs to.
 *
 * Returns: (nullable): the lot
 */
const char *
aff_offer_line_get_lot (AffOfferLine *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_LINE (self), NULL);
  return self->lot;
}

/**
 * aff_offer_line_set_lot:
 * @self: a line of no frozen revision
 * @lot: (nullable): the lot or task it belongs to
 *
 * Sets the lot or task the line belongs to.
 */
void
aff_offer_line_set_lot (AffOfferLine *self,
                        const char   *lot)
{
  g_return_if_fail (AFF_IS_OFFER_LINE (self));
  g_return_if_fail (!_aff_offer_line_is_frozen (self));

  g_free (self->lot);
  self->lot = g_strdup (lot);
}

/**
 * aff_offer_line_get_requirements:
 * @self: a line
 *
 * Gets the ids of the requirements the line answers.
 *
 * Returns: (array zero-terminated=1) (transfer none): requirement ids
 */
const char * const *
aff_offer_line_get_requirements (AffOfferLine *self)
{
  g_return_val_if_fail (AFF_IS_OFFER_LINE (self), NULL);
  return (const char * const *) self->requirements;
}

/**
 * aff_offer_line_set_requirements:
 * @self: a line of no frozen revision
 * @requirement_ids: (array zero-terminated=1) (nullable): the ids of the
 *   requirements of the specification the line answers
 *
 * Sets the requirements the line answers, for the compliance matrix.
 */
void
aff_offer_line_set_requirements (AffOfferLine       *self,
                                 const char * const *requirement_ids)
{
  g_return_if_fail (AFF_IS_OFFER_LINE (self));
  g_return_if_fail (!_aff_offer_line_is_frozen (self));

  g_strfreev (self->requirements);
  self->requirements = requirement_ids ? g_strdupv ((char **) requirement_ids) : g_new0 (char *, 1);
}

/**
 * aff_offer_line_compute_cost:
 * @self: a line
 * @error: return location for a #GError
 *
 * Computes the line's cost: quantity × unit cost, rounded once to the minor
 * unit, half to even.
 *
 * Returns: (transfer full): the cost, or %NULL with %AFF_ERROR_OVERFLOW set
 */
AffMoney *
aff_offer_line_compute_cost (AffOfferLine  *self,
                             GError       **error)
{
  g_return_val_if_fail (AFF_IS_OFFER_LINE (self), NULL);
  return aff_money_multiply (self->unit_cost, self->quantity, 1000, error);
}

gpointer
_aff_offer_line_get_revision (AffOfferLine *self)
{
  return self->revision;
}

void
_aff_offer_line_set_revision (AffOfferLine *self,
                              gpointer      revision)
{
  self->revision = revision;
}

AffOfferLine *
_aff_offer_line_copy (AffOfferLine *self)
{
  AffOfferLine *copy = g_object_new (AFF_TYPE_OFFER_LINE, NULL);

  copy->kind = self->kind;
  copy->description = g_strdup (self->description);
  copy->quantity = self->quantity;
  copy->unit = self->unit;
  copy->unit_cost = aff_money_copy (self->unit_cost);
  copy->skill = g_strdup (self->skill);
  copy->lot = g_strdup (self->lot);
  g_strfreev (copy->requirements);
  copy->requirements = g_strdupv (self->requirements);
  return copy;
}

void
_aff_offer_line_to_json (AffOfferLine *self,
                         JsonBuilder  *builder)
{
  g_autofree char *quantity = _aff_format_quantity (self->quantity);

  json_builder_begin_object (builder);
  aff_json_add_enum (builder, "kind", AFF_TYPE_LINE_KIND, self->kind);
  aff_json_add_string (builder, "description", self->description);
  aff_json_add_string (builder, "quantity", quantity);
  aff_json_add_enum (builder, "unit", AFF_TYPE_LINE_UNIT, self->unit);
  aff_json_add_money (builder, "unit_cost", self->unit_cost);
  aff_json_add_string (builder, "skill", self->skill);
  aff_json_add_string (builder, "lot", self->lot);
  aff_json_add_strv (builder, "requirements", (const char * const *) self->requirements);
  json_builder_end_object (builder);
}

AffOfferLine *
_aff_offer_line_from_json (AffJsonReader *reader,
                           JsonNode      *node,
                           GError       **error)
{
  static const char *const members[] = {
    "kind", "description", "quantity", "unit", "unit_cost", "skill", "lot", "requirements", NULL
  };
  g_autoptr(AffOfferLine) self = NULL;
  g_autoptr(AffMoney) unit_cost = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *description = NULL, *quantity = NULL;
  g_auto(GStrv) requirements = NULL;
  JsonObject *object;
  int kind = 0, unit = 0;

  if (!(object = aff_json_expect_object (reader, node, error)) ||
      !aff_json_check_members (reader, object, members, error) ||
      !aff_json_get_enum (reader, object, "kind", TRUE, AFF_TYPE_LINE_KIND, &kind, error) ||
      !aff_json_get_string (reader, object, "description", TRUE, &description, error) ||
      !aff_json_get_string (reader, object, "quantity", TRUE, &quantity, error) ||
      !aff_json_get_enum (reader, object, "unit", TRUE, AFF_TYPE_LINE_UNIT, &unit, error) ||
      !aff_json_get_money (reader, object, "unit_cost", TRUE, &unit_cost, error) ||
      !aff_json_get_strv (reader, object, "requirements", &requirements, error))
    return NULL;
  self = line_new (kind, description, quantity, unit, unit_cost, &local_error);
  if (self == NULL)
    return aff_json_reader_fail (reader, error, "%s", local_error->message), NULL;
  if (!aff_json_get_string (reader, object, "skill", FALSE, &self->skill, error) ||
      !aff_json_get_string (reader, object, "lot", FALSE, &self->lot, error))
    return NULL;
  if (requirements != NULL)
    {
      g_strfreev (self->requirements);
      self->requirements = g_steal_pointer (&requirements);
    }
  return g_steal_pointer (&self);
}
