/** The access log: every permitted or denied record request, written by the holder before it releases anything, plus batch anchors. */
package org.medmesh.chaincode.accesslog;
