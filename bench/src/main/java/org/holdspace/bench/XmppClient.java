package org.holdspace.bench;

import io.vertx.core.http.WebSocketConnectOptions;

/**
 * An XMPP client over WebSocket (RFC 7395) for a multi-user chat room (XEP-0045): opens the stream, signs in
 * with SASL ANONYMOUS, binds a resource, joins the room with no history, and is in the room once its own presence
 * (status 110) comes back. Messages are groupchat stanzas, reflected by the room to every occupant.
 */
final class XmppClient extends BenchClient {
  private static final String OPEN =
      "<open xmlns=\"urn:ietf:params:xml:ns:xmpp-framing\" to=\"localhost\" version=\"1.0\"/>";
  private final String roomJid;
  private int step;

  XmppClient(int index, int room, Tally tally, Rooms rooms) {
    super(index, room, tally, rooms);
    this.roomJid = "r" + room + "@conference.localhost";
  }

  @Override
  WebSocketConnectOptions options(String host, int port) {
    return new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/xmpp-websocket").addSubProtocol("xmpp");
  }

  @Override
  void opened() {
    send(OPEN);
  }

  @Override
  void control(String frame) {
    if (frame.startsWith("<message") || frame.startsWith("<open")) {
      return;
    }
    if (frame.contains("<failure") || frame.startsWith("<stream:error") || frame.contains("type='error'")) {
      tally.error("xmpp: " + frame.substring(0, Math.min(80, frame.length())));
      if (!isInRoom()) {
        refused(frame);
      }
      return;
    }
    switch (step) {
      case 0 -> {
        if (frame.contains("ANONYMOUS")) {
          step = 1;
          send("<auth xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\" mechanism=\"ANONYMOUS\"/>");
        }
      }
      case 1 -> {
        if (frame.startsWith("<success")) {
          step = 2;
          send(OPEN);
        }
      }
      case 2 -> {
        if (frame.contains("urn:ietf:params:xml:ns:xmpp-bind")) {
          step = 3;
          send("<iq xmlns=\"jabber:client\" type=\"set\" id=\"bind\"><bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"/></iq>");
        }
      }
      case 3 -> {
        if (frame.startsWith("<iq") && frame.contains("result")) {
          step = 4;
          send("<presence xmlns=\"jabber:client\" to=\"" + roomJid + "/u" + index + "\"><x xmlns=\"http://jabber.org/protocol/muc\">"
              + "<history maxstanzas=\"0\"/></x></presence>");
        }
      }
      case 4 -> {
        if (frame.startsWith("<presence") && (frame.contains("code='110'") || frame.contains("code=\"110\""))) {
          step = 5;
          inRoom();
        }
      }
      default -> {
      }
    }
  }

  @Override
  String frame(String payload) {
    return "<message xmlns=\"jabber:client\" to=\"" + roomJid + "\" type=\"groupchat\"><body>" + payload + "</body></message>";
  }
}
