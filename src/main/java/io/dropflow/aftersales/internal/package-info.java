/** The after-sales history's table and the services behind the after-sales API. */
package io.dropflow.aftersales.internal;
