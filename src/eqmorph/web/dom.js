// eqmorph page: the one DOM shorthand every module uses.

export const $ = (selector) => document.querySelector(selector);
