/**
 * The process glue both after-sales models use alike: the case's status from the model, and the
 * steps that end a case (refund, the consumer told). Each finds its case by the process's business
 * key ("claim-7", "return-3").
 */
package io.dropflow.aftersales.process;
