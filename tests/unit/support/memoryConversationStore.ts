import type { Conversation, ConversationStore, StoredConversationMessage } from '../../../src/lib/conversation/store';

/**
 * The ConversationStore interface in memory, for the staff routes' tests until the SQL store
 * (conv-server) is merged; it keeps the interface's promises: one writer per position, marks that
 * only move forward.
 */
export function memoryConversationStore(): ConversationStore & { conversations: Map<string, Conversation> } {
  const conversations = new Map<string, Conversation>();
  const ended = new Map<string, number>();
  return {
    conversations,
    async startConversation(tipId, tipsterPublicKey) {
      conversations.set(tipId, { tipId, tipsterPublicKey, staffReadThrough: -1, tipsterSeenThrough: -1, messages: [] });
    },
    async findConversation(tipId) {
      const found = conversations.get(tipId);
      return found ? structuredClone(found) : undefined;
    },
    async appendMessage(message) {
      const conversation = conversations.get(message.tipId);
      if (!conversation || conversation.messages.some((held) => held.position === message.position)) return 'position_taken';
      const stored: StoredConversationMessage = { ...message, files: message.files.map((file, position) => ({ ...file, position })) };
      conversation.messages.push(stored);
      return 'appended';
    },
    async markReadByStaff(tipId, through) {
      const conversation = conversations.get(tipId);
      if (conversation) conversation.staffReadThrough = Math.max(conversation.staffReadThrough, through);
    },
    async markSeenByTipster(tipId, through) {
      const conversation = conversations.get(tipId);
      if (conversation) conversation.tipsterSeenThrough = Math.max(conversation.tipsterSeenThrough, through);
    },
    async tipsWithUnreadAnswer(tipIds) {
      return new Set(
        tipIds.filter((id) => {
          const conversation = conversations.get(id);
          return conversation?.messages.some((message) => message.author === 'tipster' && message.position > conversation.staffReadThrough);
        }),
      );
    },
    async messageCounts(tipIds) {
      return new Map(
        tipIds.map((id) => {
          const messages = conversations.get(id)?.messages ?? [];
          return [id, { staff: messages.filter((message) => message.author === 'staff').length, tipster: messages.filter((message) => message.author === 'tipster').length }];
        }),
      );
    },
    async findExpiredMessageFiles() {
      return [];
    },
    async markMessageFilesDeleted() {},
    async endTipsterSession(sessionId, expiresAt) {
      ended.set(sessionId, expiresAt);
    },
    async isTipsterSessionEnded(sessionId, now) {
      return (ended.get(sessionId) ?? 0) > now;
    },
  };
}
