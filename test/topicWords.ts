/**
 * Words that tell an onlooker what a reader is reading about (the topic, the procedure, the reader's role), in
 * each language: none may appear in a tab title or og:site_name, nor in any preview of a page that shows a
 * reader's situation. Stems, so that every grammatical form is caught.
 */
export const TOPIC_WORDS: Record<string, RegExp> = {
  en: /mobili[sz]|desert|call-up|called up|conscri|military|army|asylum|refugee|draft|evad|\bwar\b|oppos|family member|refus|flee/i,
  ru: /мобилиз|дезерт|призыв|призва|повестк|военн|арми|убежищ|беженц|уклон|войн|против|оппозиц|семь|бегущ/i,
  de: /mobilmach|mobilisier|desert|einberuf|wehrdienst|militär|armee|asyl|flücht|flucht|kriegsdienst|krieg|gegner|famili|verweiger/i,
};
