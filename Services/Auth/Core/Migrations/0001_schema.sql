-- The auth schema of the auth service. Its tables come with the service's features.
COMMENT ON SCHEMA auth IS 'Owned by the auth service: credentials, sessions and tokens of every dialect, SMS and e-mail codes, captcha, WeChat login.';
