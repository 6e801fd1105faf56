/** Who may do what: HTTP authentication against the engine's users, groups and their authorizations. */
package io.dropflow.security;
