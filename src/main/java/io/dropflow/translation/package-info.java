/**
 * Operators read Tasklist in Simplified Chinese or English, as their browser asks: Dropflow's own
 * texts (form labels and texts, user-task names, Tasklist filters, display words in task variables)
 * stay English in the models and are translated on their way to Tasklist from the bundles in
 * {@code forms/i18n/}, keyed by the English text. See docs/adr/0015-operator-language.md.
 */
package io.dropflow.translation;
