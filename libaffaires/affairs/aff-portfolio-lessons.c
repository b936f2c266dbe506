/* aff-portfolio-lessons.c: the lessons of past affairs, and their
 * improvements followed to completion
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "aff-error.h"
#include "aff-language-private.h"
#include "aff-affair-private.h"
#include "aff-rex-private.h"
#include "aff-portfolio.h"
#include "aff-portfolio-private.h"
#include "aff-consultation.h"
#include "aff-bidding-private.h"
#include "aff-money-private.h"

/* The words of @text worth comparing: four letters or more, in lower
 * case, each once; a hyphen joins, so that references such as CONS-12
 * stay whole. */
static GHashTable *
words_of (const char *text,
          GHashTable *into)
{
  g_autofree char *lower = NULL;
  const char *p, *start = NULL;

  if (into == NULL)
    into = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (text == NULL)
    return into;
  lower = g_utf8_strdown (text, -1);
  for (p = lower;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || c == '-'))
        {
          if (start == NULL)
            start = p;
          continue;
        }
      if (start != NULL && g_utf8_strlen (start, p - start) >= 4)
        g_hash_table_add (into, g_strndup (start, p - start));
      start = NULL;
      if (c == 0)
        return into;
    }
}

static gboolean
contains (const char *const *strings,
          const char        *value)
{
  return strings != NULL && value != NULL && g_strv_contains (strings, value);
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static int
compare_lessons (gconstpointer a,
                 gconstpointer b)
{
  const AffLesson *x = *(AffLesson **) a, *y = *(AffLesson **) b;

  return x->score == y->score ? 0 : x->score > y->score ? -1 : 1;
}

static void
add_lessons (GPtrArray     *lessons,
             AffRex        *rex,
             guint          score,
             GPtrArray     *reasons,
             guint          lang)
{
  guint i;

  for (i = 0; rex->practices->pdata[i] != NULL; i++)
    g_ptr_array_add (lessons, _aff_lesson_new (rex->affair_id, AFF_LESSON_KIND_GOOD_PRACTICE,
                                               rex->practices->pdata[i], score,
                                               g_strdupv ((char **) reasons->pdata)));
  for (i = 0; i < rex->difficulties->len; i++)
    {
      g_autofree char *text = g_strdup_printf (L ("%s — solution : %s", "%s — solution: %s"),
                                               (char *) g_ptr_array_index (rex->difficulties, i),
                                               (char *) g_ptr_array_index (rex->solutions, i));

      g_ptr_array_add (lessons, _aff_lesson_new (rex->affair_id, AFF_LESSON_KIND_DIFFICULTY, text, score,
                                                 g_strdupv ((char **) reasons->pdata)));
    }
  for (i = 0; i < rex->improvements->len; i++)
    {
      const AffImprovement *improvement = g_ptr_array_index (rex->improvements, i);
      g_autofree char *text = g_strdup_printf (L ("%s — pourquoi : %s", "%s — why: %s"), improvement->title,
                                               improvement->justification);

      g_ptr_array_add (lessons, _aff_lesson_new (rex->affair_id, AFF_LESSON_KIND_IMPROVEMENT, text, score,
                                                 g_strdupv ((char **) reasons->pdata)));
    }
}

/**
 * aff_portfolio_find_lessons:
 * @self: a portfolio
 * @query: what the new consultation or affair is about
 *
 * Finds the lessons of the validated REX of past affairs that bear on
 * @query. An affair matches by its client (3 points), each activity of its
 * consultation the query shares (2 points each), each tag of its REX the
 * query names among its tags or activities (2 points each), and each word
 * of four letters or more the query's text shares with the affair's
 * consultation title or its lessons (1 point each). Every good practice,
 * difficulty and improvement of a matching REX is a lesson, with the
 * affair's score and reasons; the most relevant come first, and on a tie
 * the affairs' and the lessons' own orders.
 *
 * Returns: (transfer container) (element-type AffLesson): the lessons
 */
GPtrArray *
aff_portfolio_find_lessons (AffPortfolio         *self,
                            const AffLessonQuery *query)
{
  g_autoptr(GHashTable) wanted = NULL;
  GPtrArray *lessons;
  AffAffair **affairs;
  guint lang, i, j, n;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  lang = _aff_language_index (aff_policy_get_language (aff_portfolio_get_policy (self)));
  wanted = words_of (query->text, NULL);
  lessons = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_lesson_free);
  /* The portfolio's own array, not its list model: each step of a
   * GListStore's walk is a node of its GSequence, and an evaluation asks
   * this of every affair for each consultation. */
  affairs = _aff_portfolio_peek_affairs (self, &n);
  for (i = 0; i < n; i++)
    {
      AffAffair *affair = affairs[i];
      AffRex *rex = aff_affair_get_rex (affair);
      AffConsultation *consultation = _aff_affair_get_consultation (affair);
      const char *const *activities = consultation != NULL ? aff_consultation_get_activities (consultation) : NULL;
      g_autoptr(GPtrArray) reasons = NULL;
      g_autoptr(GHashTable) words = NULL;
      g_autoptr(GPtrArray) shared = NULL;
      GHashTableIter iter;
      gpointer word;
      guint score = 0;

      if (rex == NULL || !aff_rex_is_validated (rex))
        continue;
      reasons = g_ptr_array_new_null_terminated (4, g_free, TRUE);
      if (query->client_id != NULL && g_strcmp0 (query->client_id, aff_affair_get_client_id (affair)) == 0)
        {
          score += 3;
          g_ptr_array_add (reasons, g_strdup (L ("même client", "same client")));
        }
      for (j = 0; activities != NULL && activities[j] != NULL; j++)
        if (contains ((const char *const *) query->activities, activities[j]))
          {
            score += 2;
            g_ptr_array_add (reasons, g_strdup_printf (L ("activité : %s", "activity: %s"), activities[j]));
          }
      for (j = 0; rex->tags[j] != NULL; j++)
        if (contains ((const char *const *) query->tags, rex->tags[j]) ||
            contains ((const char *const *) query->activities, rex->tags[j]))
          {
            score += 2;
            g_ptr_array_add (reasons, g_strdup_printf (L ("mot-clé : %s", "tag: %s"), rex->tags[j]));
          }
      words = words_of (consultation != NULL ? aff_consultation_get_title (consultation) : NULL, NULL);
      for (j = 0; rex->practices->pdata[j] != NULL; j++)
        words_of (rex->practices->pdata[j], words);
      for (j = 0; j < rex->difficulties->len; j++)
        {
          words_of (g_ptr_array_index (rex->difficulties, j), words);
          words_of (g_ptr_array_index (rex->solutions, j), words);
        }
      for (j = 0; j < rex->improvements->len; j++)
        {
          const AffImprovement *improvement = g_ptr_array_index (rex->improvements, j);

          words_of (improvement->title, words);
          words_of (improvement->justification, words);
        }
      /* Shared words in alphabetical order, so that the reasons read the
       * same from run to run. */
      shared = g_ptr_array_new ();
      g_hash_table_iter_init (&iter, wanted);
      while (g_hash_table_iter_next (&iter, &word, NULL))
        if (g_hash_table_contains (words, word))
          g_ptr_array_add (shared, word);
      g_ptr_array_sort (shared, compare_words);
      for (j = 0; j < shared->len; j++)
        {
          score += 1;
          g_ptr_array_add (reasons, g_strdup_printf (L ("mot : %s", "word: %s"), (char *) g_ptr_array_index (shared, j)));
        }
      if (score > 0)
        add_lessons (lessons, rex, score, reasons, lang);
    }
  /* g_ptr_array_sort is stable: on a tie, the affairs' and lessons' order. */
  g_ptr_array_sort (lessons, compare_lessons);
  return lessons;
}

/**
 * aff_portfolio_find_affair_lessons:
 * @self: a portfolio
 * @affair_id: the id of an affair of the portfolio
 * @error: return location for a #GError
 *
 * Finds the lessons of the other affairs about the activities of this
 * one's consultation: what to read while planning it. The query is
 * [method@Aff.Portfolio.find_lessons]'s with the activities alone (they
 * match the other affairs' activities and tags), and the affair's own REX
 * is left out. The management plan
 * ([method@Aff.Affair.render_management_plan]) shows the first five.
 *
 * Returns: (transfer container) (element-type AffLesson): the lessons, or
 *   %NULL with %AFF_ERROR_NOT_FOUND set
 */
GPtrArray *
aff_portfolio_find_affair_lessons (AffPortfolio  *self,
                                   const char    *affair_id,
                                   GError       **error)
{
  g_autoptr(AffLessonQuery) query = NULL;
  AffConsultation *consultation;
  AffAffair *affair;
  GPtrArray *lessons;
  guint i;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (affair_id != NULL, NULL);

  if ((affair = aff_portfolio_lookup_affair (self, affair_id)) == NULL)
    return g_set_error (error, AFF_ERROR, AFF_ERROR_NOT_FOUND, _("the portfolio has no affair “%s”"), affair_id), NULL;
  consultation = _aff_affair_get_consultation (affair);
  query = aff_lesson_query_new (NULL, consultation != NULL ? aff_consultation_get_activities (consultation) : NULL,
                                NULL, NULL);
  lessons = aff_portfolio_find_lessons (self, query);
  for (i = lessons->len; i-- > 0;)
    if (strcmp (aff_lesson_get_affair_id (g_ptr_array_index (lessons, i)), affair_id) == 0)
      g_ptr_array_remove_index (lessons, i);
  return lessons;
}

/**
 * aff_portfolio_list_improvements:
 * @self: a portfolio
 * @status: an #AffImprovementStatus, or -1 for every status
 *
 * Lists the improvements proposed by the REX of all the affairs, validated
 * or not, with @status: the follow-up of the proposals to completion
 * ([method@Aff.Rex.set_improvement_status]). In the order of the affairs,
 * then of each REX.
 *
 * Returns: (transfer container) (element-type AffImprovement): copies of
 *   the improvements
 */
GPtrArray *
aff_portfolio_list_improvements (AffPortfolio *self,
                                 int           status)
{
  GPtrArray *result;
  AffAffair **affairs;
  guint i, j, n;

  g_return_val_if_fail (AFF_IS_PORTFOLIO (self), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) aff_improvement_free);
  affairs = _aff_portfolio_peek_affairs (self, &n);
  for (i = 0; i < n; i++)
    {
      AffRex *rex = aff_affair_get_rex (affairs[i]);

      for (j = 0; rex != NULL && j < rex->improvements->len; j++)
        {
          const AffImprovement *improvement = g_ptr_array_index (rex->improvements, j);

          if (status < 0 || (int) improvement->status == status)
            g_ptr_array_add (result, aff_improvement_copy (improvement));
        }
    }
  return result;
}

static gboolean
rate_of (const AffMoney *part,
         const AffMoney *whole,
         int            *rate)
{
  gint64 value = 0;

  if (part == NULL || whole == NULL || _aff_money_minor (whole) <= 0 ||
      !_aff_round_half_even ((AffInt128) _aff_money_minor (part) * 10000, _aff_money_minor (whole), &value) ||
      value < -G_MAXINT || value > G_MAXINT)
    return FALSE;
  *rate = (int) value;
  return TRUE;
}

static gboolean
shares_activity (const char *const *activities,
                 AffConsultation   *consultation)
{
  guint i;

  for (i = 0; activities != NULL && activities[i] != NULL; i++)
    if (g_strv_contains (aff_consultation_get_activities (consultation), activities[i]))
      return TRUE;
  return FALSE;
}

GArray *
_aff_portfolio_margin_precedents (AffPortfolio    *self,
                                  AffConsultation *consultation,
                                  const GDate     *date)
{
  GArray *precedents = g_array_new (FALSE, FALSE, sizeof (AffMarginPrecedent));
  guint i, n;
  /* As aff_portfolio_find_lessons() does, and for the same reason. */
  AffAffair **affairs = _aff_portfolio_peek_affairs (self, &n);

  for (i = 0; i < n; i++)
    {
      AffAffair *affair = affairs[i];
      AffConsultation *origin = _aff_affair_get_consultation (affair);
      AffRex *rex = aff_affair_get_rex (affair);
      AffMarginPrecedent precedent = { rex != NULL ? rex->affair_id : NULL, 0, 0 };

      if (rex == NULL || !aff_rex_is_validated (rex) || g_date_compare (&rex->validated, date) > 0 ||
          (g_strcmp0 (aff_affair_get_client_id (affair), aff_consultation_get_client_id (consultation)) != 0 &&
           (origin == NULL || !shares_activity (aff_consultation_get_activities (origin), consultation))))
        continue;
      if (rate_of (rex->offer_margin, rex->contract_amount, &precedent.offer_rate) &&
          rate_of (rex->final_margin, rex->revenue_at_completion, &precedent.final_rate))
        g_array_append_val (precedents, precedent);
    }
  return precedents;
}
