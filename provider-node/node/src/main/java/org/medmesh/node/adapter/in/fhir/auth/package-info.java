/** Who may call the node's FHIR API: bearer tokens (JWT), roles and SMART-style scopes. */
package org.medmesh.node.adapter.in.fhir.auth;
