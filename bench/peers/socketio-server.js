'use strict';
// A Socket.IO room server as a team would write it: each socket joins the room named in its handshake query
// (/socket.io/?EIO=4&transport=websocket&room=NAME) and every "m" event is emitted to the whole room, the sender
// included. In memory only. Prints "listening on <port>" when ready.
const http = require('http');
const { Server } = require('socket.io');

const port = Number(process.env.PORT || 0);
const httpServer = http.createServer();
const io = new Server(httpServer, { transports: ['websocket'], serveClient: false, perMessageDeflate: false });

io.on('connection', (socket) => {
  const room = String(socket.handshake.query.room || 'lobby');
  socket.join(room);
  socket.on('m', (text) => io.to(room).emit('m', text));
});

httpServer.listen(port, '127.0.0.1', () => console.log(`listening on ${httpServer.address().port}`));
process.on('SIGTERM', () => process.exit(0));
