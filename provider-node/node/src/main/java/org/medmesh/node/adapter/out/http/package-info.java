/** Outgoing HTTP to other provider nodes: the requester's side of the record exchange. */
package org.medmesh.node.adapter.out.http;
