/* aff-requirement.c: one requirement of a client's specification
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "aff-bidding-private.h"

/**
 * AffRequirement:
 *
 * One requirement of the client's specification (cahier des charges), with
 * the id its consultation gave it (`REQ-1`…), so that an offer can show it
 * answers every one. Requirements are added with
 * [method@Aff.Consultation.add_requirement].
 */

struct _AffRequirement
{
  GObject parent_instance;

  char *id;
  char *text;
};

G_DEFINE_FINAL_TYPE (AffRequirement, aff_requirement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
aff_requirement_finalize (GObject *object)
{
  AffRequirement *self = AFF_REQUIREMENT (object);

  g_free (self->id);
  g_free (self->text);
  G_OBJECT_CLASS (aff_requirement_parent_class)->finalize (object);
}

static void
aff_requirement_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AffRequirement *self = AFF_REQUIREMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aff_requirement_class_init (AffRequirementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aff_requirement_finalize;
  object_class->get_property = aff_requirement_get_property;

  /**
   * AffRequirement:id:
   *
   * The requirement's id within its consultation.
   */
  props[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * AffRequirement:text:
   *
   * What the client requires.
   */
  props[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
aff_requirement_init (AffRequirement *self)
{
}

AffRequirement *
_aff_requirement_new (const char *id,
                      const char *text)
{
  AffRequirement *self = g_object_new (AFF_TYPE_REQUIREMENT, NULL);

  self->id = g_strdup (id);
  self->text = g_strdup (text);
  return self;
}

/**
 * aff_requirement_get_id:
 * @self: a requirement
 *
 * Gets the requirement's id within its consultation.
 *
 * Returns: the id
 */
const char *
aff_requirement_get_id (AffRequirement *self)
{
  g_return_val_if_fail (AFF_IS_REQUIREMENT (self), NULL);
  return self->id;
}

/**
 * aff_requirement_get_text:
 * @self: a requirement
 *
 * Gets what the client requires.
 *
 * Returns: the text
 */
const char *
aff_requirement_get_text (AffRequirement *self)
{
  g_return_val_if_fail (AFF_IS_REQUIREMENT (self), NULL);
  return self->text;
}
