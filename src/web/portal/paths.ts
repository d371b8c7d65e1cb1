export const mePath = '/me';
export const signInPath = '/me/sign-in';
export const signUpPath = '/me/sign-up';
