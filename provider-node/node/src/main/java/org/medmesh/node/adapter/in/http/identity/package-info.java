/**
 * The node's identity over HTTP: its public identity ({@code GET /identity}), DID resolution
 * ({@code GET /dids/{did}}), both open, and key rotation for admins ({@code POST /admin/identity/rotation}).
 */
package org.medmesh.node.adapter.in.http.identity;
