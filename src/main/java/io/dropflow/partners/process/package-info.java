/** The partner-attention process: a webhook delivery Dropflow could not take, in front of an operator. */
package io.dropflow.partners.process;
