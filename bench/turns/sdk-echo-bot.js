// The official Bot Framework SDK's echo bot (npm botbuilder, CloudAdapter, auth off) on Node's own http
// server, so the comparison carries no web framework of ours. The benchmark copies this file into a
// temporary folder, installs botbuilder there with npm and starts it; nothing here is a dependency of the bot.
const http = require('http');
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } = require('botbuilder');

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
    console.error(`turn error: ${error}`);
};

class EchoBot extends ActivityHandler {
    constructor() {
        super();
        this.onMessage(async (context, next) => {
            await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text ?? ''}`));
            await next();
        });
    }
}

const bot = new EchoBot();

// CloudAdapter.process wants restify/express-shaped objects: a parsed body and status/header/send/end.
function responseOf(res) {
    return {
        socket: res.socket,
        status(code) { res.statusCode = code; },
        header(name, value) { res.setHeader(name, value); },
        send(body) {
            if (body === undefined) return;
            if (typeof body !== 'string' && !Buffer.isBuffer(body)) {
                res.setHeader('Content-Type', 'application/json');
                body = JSON.stringify(body);
            }
            res.write(body);
        },
        end() { if (!res.writableEnded) res.end(); },
    };
}

const port = Number(process.env.PORT || 3978);
http.createServer((req, res) => {
    const chunks = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', async () => {
        try {
            req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
            res.statusCode = 400;
            res.end();
            return;
        }
        try {
            await adapter.process(req, responseOf(res), context => bot.run(context));
        } catch (error) {
            console.error(`process error: ${error}`);
            if (!res.writableEnded) { res.statusCode = 500; res.end(); }
        }
    });
}).listen(port, '127.0.0.1', () => console.log(`SDK echo bot listening on http://127.0.0.1:${port}`));
