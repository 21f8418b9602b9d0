'use strict';
// The in-memory ceiling: a plain WebSocket server that relays each text frame to every socket of the sender's
// room (the sender included), with no persistence, no accounts and no checks. A client picks its room with
// ws://127.0.0.1:PORT/?room=NAME. Prints "listening on <port>" when ready.
const { WebSocketServer } = require('ws');

const port = Number(process.env.PORT || 0);
const rooms = new Map();
const wss = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: false, clientTracking: false });

wss.on('connection', (socket, request) => {
  const room = new URL(request.url, 'http://x').searchParams.get('room') || 'lobby';
  let members = rooms.get(room);
  if (!members) {
    members = new Set();
    rooms.set(room, members);
  }
  members.add(socket);
  socket.on('message', (data, isBinary) => {
    for (const member of members) {
      if (member.readyState === 1) {
        member.send(data, { binary: isBinary });
      }
    }
  });
  socket.on('close', () => {
    members.delete(socket);
    if (members.size === 0) {
      rooms.delete(room);
    }
  });
  socket.on('error', () => {});
});

wss.on('listening', () => console.log(`listening on ${wss.address().port}`));
process.on('SIGTERM', () => process.exit(0));
