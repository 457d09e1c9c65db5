import { CloudAdapter, DeliveryModes, type Activity, type ExpectedReplies, type TurnContext } from 'botbuilder';

/** botframework-connector's AuthenticationConstants.ToChannelFromBotOAuthScope (botbuilder does not re-export it). */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

/**
 * The Bot Framework adapter, with one more door: the turns of our own Direct Line channel, which lives in this
 * process. Such a turn does not come over HTTP, so there is no token to check, whether Bot Framework authentication
 * is on or off; the channel is trusted as the bot trusts itself. The replies come back from the turn (deliveryMode
 * expectReplies), so the bot posts nothing anywhere.
 */
export class AssistantAdapter extends CloudAdapter {
  constructor(
    auth: ConstructorParameters<typeof CloudAdapter>[0],
    private readonly appId: string,
  ) {
    super(auth);
  }

  async runLocalTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const claimsIdentity = this.createClaimsIdentity(this.appId);
    const response = await this.processActivity(
      {
        claimsIdentity,
        audience: BOT_FRAMEWORK_AUDIENCE,
        connectorFactory: this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity),
      },
      { ...activity, deliveryMode: DeliveryModes.ExpectReplies } as Activity,
      logic,
    );
    return (response?.body as ExpectedReplies | undefined)?.activities ?? [];
  }
}
